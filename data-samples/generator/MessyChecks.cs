using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FineTune.Samples;

/// <summary>A line a lenient loader skips, and why.</summary>
sealed record MalformedLine(int Line, string Reason);

/// <summary>A valid row that repeats the earlier row <paramref name="Of"/>.</summary>
sealed record DuplicateRow(int Line, int Of);

/// <summary>A row whose 5-gram Jaccard similarity to the first row of its cluster is high.</summary>
sealed record NearDuplicateRow(int Line, int Of, double Jaccard);

/// <summary>One private-information match in a row.</summary>
sealed record PiiHit(int Line, string Kind, string Match);

/// <summary>A row that contains a review term (counted once per row).</summary>
sealed record TermHit(int Line, string Term);

sealed record LabelCount(string Label, int Count);

/// <summary>Everything <see cref="MessyChecks.Check"/> finds in a labelled-text JSON Lines file.</summary>
sealed record MessyFindings(
    int PhysicalLines,
    List<int> BlankLines,
    List<MalformedLine> Malformed,
    int ValidRows,
    List<int> EmptyText,
    List<DuplicateRow> ExactDuplicates,
    List<DuplicateRow> NormalizedDuplicates,
    List<NearDuplicateRow> NearDuplicates,
    List<PiiHit> Pii,
    List<TermHit> TermHits,
    List<LabelCount> Labels);

/// <summary>
/// The detection definitions of data-spec.md, implemented independently of the Data library so
/// the two can check each other: validity, normalisation, exact/normalised/near duplicates,
/// private information (email, card number with Luhn, IPv4, phone) and review terms.
/// </summary>
static class MessyChecks
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string IpAddress = "ipAddress";
    public const string CardNumber = "cardNumber";

    /// <summary>The PII kinds in matching order: a later kind never matches inside an earlier match.</summary>
    public static readonly IReadOnlyList<string> PiiKinds = [Email, CardNumber, IpAddress, Phone];

    public const double NearThreshold = 0.8;
    public const int ShingleSize = 5;

    static readonly Regex EmailPattern = new(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant);

    // 13-19 digits, unbroken or with single spaces/dashes between them, not touching other digits
    // (nor a separator and a digit, which would make the run longer).
    static readonly Regex CardPattern = new(@"(?<!\d)(?<!\d[ -])\d(?:[ -]?\d){12,18}(?![ -]?\d)", RegexOptions.CultureInvariant);

    const string Octet = @"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)";
    static readonly Regex IpPattern = new($@"(?<!\d)(?<!\d\.){Octet}(?:\.{Octet}){{3}}(?!\d)(?!\.\d)", RegexOptions.CultureInvariant);

    static readonly Regex PhonePattern = new(
        @"(?<!\d)(?:\+\d{1,3}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,3}|\(\d{3}\) ?\d{3}-\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b)(?!\d)",
        RegexOptions.CultureInvariant);

    /// <summary>NFKC, lower-cased (invariant), Unicode punctuation removed, whitespace runs collapsed to one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        string folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var result = new StringBuilder(folded.Length);
        bool pendingSpace = false;
        foreach (char c in folded)
        {
            if (IsPunctuation(char.GetUnicodeCategory(c))) continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            if (pendingSpace) result.Append(' ');
            pendingSpace = false;
            result.Append(c);
        }
        return result.ToString();
    }

    static bool IsPunctuation(UnicodeCategory category) => category is
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or
        UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or
        UnicodeCategory.OtherPunctuation;

    /// <summary>The set of character 5-grams of an already normalised text.</summary>
    public static HashSet<string> Shingles(string normalized)
    {
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + ShingleSize <= normalized.Length; i++) shingles.Add(normalized.Substring(i, ShingleSize));
        return shingles;
    }

    /// <summary>|A ∩ B| / |A ∪ B|.</summary>
    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        int shared = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>The Luhn check over the digits of <paramref name="number"/> (other characters are skipped).</summary>
    public static bool PassesLuhn(string number)
    {
        int sum = 0;
        bool doubled = false;
        for (int i = number.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(number[i])) continue;
            int d = number[i] - '0';
            if (doubled) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /// <summary>Every PII match in <paramref name="text"/>, kinds in matching order, each kind's matches left to right.</summary>
    public static List<(string Kind, string Match)> FindPii(string text)
    {
        var taken = new List<(int Start, int End)>();
        var found = new List<(string, string)>();
        void Take(string kind, Regex pattern, Func<string, bool> accept)
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (!accept(m.Value) || taken.Any(t => m.Index < t.End && t.Start < m.Index + m.Length)) continue;
                taken.Add((m.Index, m.Index + m.Length));
                found.Add((kind, m.Value));
            }
        }
        Take(Email, EmailPattern, _ => true);
        Take(CardNumber, CardPattern, PassesLuhn);
        Take(IpAddress, IpPattern, _ => true);
        Take(Phone, PhonePattern, m => m.Count(char.IsAsciiDigit) is >= 10 and <= 15);
        return found;
    }

    /// <summary>The first of <paramref name="terms"/> that <paramref name="text"/> contains as a whole word (any case), or null.</summary>
    public static string? FindTerm(string text, IReadOnlyList<string> terms)
    {
        foreach (string term in terms)
            if (Regex.IsMatch(text, $@"\b{Regex.Escape(term)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) return term;
        return null;
    }

    sealed record Row(int Line, string Text, string Label);

    /// <summary>Checks a labelled-text (text, label) JSON Lines file by the definitions; lines are 1-based physical lines.</summary>
    public static MessyFindings Check(byte[] file, IReadOnlyList<string> terms, double threshold = NearThreshold)
    {
        List<byte[]> lines = SplitLines(file);
        var blank = new List<int>();
        var malformed = new List<MalformedLine>();
        var rows = new List<Row>();
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        for (int i = 0; i < lines.Count; i++)
        {
            int line = i + 1;
            string text;
            try { text = utf8.GetString(lines[i]); }
            catch (DecoderFallbackException) { malformed.Add(new(line, "invalid UTF-8")); continue; }
            if (string.IsNullOrWhiteSpace(text)) { blank.Add(line); continue; }
            string? reason = ReadRow(text, out Row? row, line);
            if (reason is null) rows.Add(row!);
            else malformed.Add(new(line, reason));
        }

        var exact = new List<DuplicateRow>();
        var normalized = new List<DuplicateRow>();
        var fresh = new List<Row>();
        var exactSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var normalizedSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Row row in rows)
        {
            string exactKey = row.Text + "\u0000" + row.Label;
            string normalizedKey = Normalize(row.Text) + "\u0000" + Normalize(row.Label);
            if (exactSeen.TryGetValue(exactKey, out int first)) exact.Add(new(row.Line, first));
            else if (normalizedSeen.TryGetValue(normalizedKey, out first)) normalized.Add(new(row.Line, first));
            else fresh.Add(row);
            exactSeen.TryAdd(exactKey, row.Line);
            normalizedSeen.TryAdd(normalizedKey, row.Line);
        }

        var pii = new List<PiiHit>();
        var termHits = new List<TermHit>();
        foreach (Row row in rows)
        {
            foreach (string field in new[] { row.Text, row.Label })
                pii.AddRange(FindPii(field).Select(p => new PiiHit(row.Line, p.Kind, p.Match)));
            string? term = FindTerm(row.Text, terms) ?? FindTerm(row.Label, terms);
            if (term is not null) termHits.Add(new(row.Line, term));
        }

        List<LabelCount> labels = rows.GroupBy(r => r.Label)
            .Select(g => new LabelCount(g.Key, g.Count()))
            .OrderByDescending(l => l.Count).ThenBy(l => l.Label, StringComparer.Ordinal).ToList();

        return new MessyFindings(
            lines.Count, blank, malformed, rows.Count,
            rows.Where(r => string.IsNullOrWhiteSpace(r.Text)).Select(r => r.Line).ToList(),
            exact, normalized, NearDuplicates(fresh, threshold), pii, termHits, labels);
    }

    /// <summary>Splits on "\n"; a final "\n" ends the last line rather than starting an empty one.</summary>
    static List<byte[]> SplitLines(byte[] file)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < file.Length; i++)
        {
            if (file[i] != (byte)'\n') continue;
            lines.Add(file[start..i]);
            start = i + 1;
        }
        if (start < file.Length) lines.Add(file[start..]);
        return lines;
    }

    static string? ReadRow(string line, out Row? row, int number)
    {
        row = null;
        JsonDocument document;
        try { document = JsonDocument.Parse(line); }
        catch (JsonException) { return "invalid JSON"; }
        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return "not a JSON object";
            if (!root.TryGetProperty("text", out JsonElement text)) return "missing field 'text'";
            if (text.ValueKind != JsonValueKind.String) return "field 'text' is not a string";
            if (!root.TryGetProperty("label", out JsonElement label)) return "missing field 'label'";
            string? labelText = label.ValueKind switch
            {
                JsonValueKind.String => label.GetString(),
                JsonValueKind.Number => label.GetRawText(),
                _ => null,
            };
            if (labelText is null) return "field 'label' is not a string";
            row = new Row(number, text.GetString()!, labelText);
            return null;
        }
    }

    /// <summary>Connected components of pairs with Jaccard >= threshold; every row but a cluster's first is a near-duplicate of that first row.</summary>
    static List<NearDuplicateRow> NearDuplicates(List<Row> rows, double threshold)
    {
        var candidates = rows.Select(r => (r.Line, Shingles: Shingles(Normalize(r.Text)), Length: Normalize(r.Text).Length))
            .Where(r => r.Length >= ShingleSize).ToList();
        int[] parent = Enumerable.Range(0, candidates.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (int i = 0; i < candidates.Count; i++)
            for (int j = i + 1; j < candidates.Count; j++)
                if (Jaccard(candidates[i].Shingles, candidates[j].Shingles) >= threshold)
                {
                    int a = Find(i), b = Find(j);
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
        var near = new List<NearDuplicateRow>();
        for (int i = 0; i < candidates.Count; i++)
        {
            int root = Find(i);
            if (root == i) continue;
            double jaccard = Math.Round(Jaccard(candidates[i].Shingles, candidates[root].Shingles), 2);
            near.Add(new(candidates[i].Line, candidates[root].Line, jaccard));
        }
        return near;
    }
}
