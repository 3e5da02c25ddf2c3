using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static FineTune.Samples.ClassificationTexts;

namespace FineTune.Samples;

/// <summary>A PII look-alike planted in messy.jsonl that a correct detector must not count.</summary>
sealed record PiiDecoy(int Line, string Text, string Why);

/// <summary>messy.jsonl and the truth file that lists what is planted in it.</summary>
sealed record MessyFile(byte[] Jsonl, string TruthJson);

/// <summary>
/// messy.jsonl: about 320 lines of labelled text with planted problems (malformed lines, a blank
/// line, empty texts, exact, normalised and near duplicates, private information and decoys,
/// review terms, label imbalance), each problem row carrying exactly one problem. The truth file
/// is what <see cref="MessyChecks.Check"/> finds in the written bytes, and generation fails if
/// that differs in any way from what was planted.
/// </summary>
static class MessySample
{
    public const string FileName = "messy.jsonl";
    public static readonly IReadOnlyList<string> ReviewTerms = ["stupid", "idiot", "hate"];

    /// <summary>Valid rows per label: 50%, 25%, 15%, 10% of 312.</summary>
    static readonly (string Label, int Count)[] Targets = [(Animals, 156), (Food, 78), (Weather, 47), (Sports, 31)];

    /// <summary>Labels of the derived rows; each copies a different clean row with that label.</summary>
    static readonly string[] ExactLabels = [Animals, Animals, Animals, Animals, Food, Food, Weather, Sports];
    static readonly string[] NormalizedLabels = [Animals, Animals, Animals, Food, Food, Weather];
    static readonly string[] NearLabels = [Animals, Animals, Animals, Food, Weather, Sports];

    /// <summary>Clean rows stay this far below the spec's 0.5, so no pair comes near a threshold.</summary>
    const double CleanMaxJaccard = 0.45;
    const double NearMinJaccard = 0.82;

    enum Kind { Clean, Empty, Pii, Decoy, Term, Exact, Normalized, Near }

    /// <summary>One physical line: a planned row, a malformed line (with the reason a loader gives) or the blank line.</summary>
    sealed record Physical(byte[] Bytes, Planned? Row = null, string? Malformed = null);

    sealed record Planned(string Text, string Label, Kind Kind, string? Value = null, string? Why = null)
    {
        public Planned? Source { get; init; }
    }

    static readonly Planned[] Specials =
    [
        new("Send the photos of the lost puppy to ann.lee@example.com please.", Animals, Kind.Pii, "email"),
        new("Ask the baker at orders@example.org for the bread recipe.", Food, Kind.Pii, "email"),
        new("Storm updates will come from alerts@example.com tonight.", Weather, Kind.Pii, "email"),
        new("Send your tennis scores to coach.sam@example.org by Friday.", Sports, Kind.Pii, "email"),
        new("The vet answers questions about rabbits at vet.help@example.com each day.", Animals, Kind.Pii, "email"),
        new("Call (212) 555-0142 if you find our grey cat.", Animals, Kind.Pii, "phone"),
        new("The pizza shop takes orders at 212-555-0187 until late.", Food, Kind.Pii, "phone"),
        new("For snow day news ring +1 212 555 0199 in the morning.", Weather, Kind.Pii, "phone"),
        new("Book the football pitch by phoning 646.555.0123 today.", Sports, Kind.Pii, "phone"),
        new("The farm camera at 192.0.2.14 shows the cows all day.", Animals, Kind.Pii, "ipAddress"),
        new("The recipe site moved to 198.51.100.7 last week.", Food, Kind.Pii, "ipAddress"),
        new("Our rain gauge sends readings to 203.0.113.250 every hour.", Weather, Kind.Pii, "ipAddress"),
        new("I paid for the dog food with card 4111 1111 1111 1111 yesterday.", Animals, Kind.Pii, "cardNumber"),
        new("The cake order was charged to 5500-0000-0000-0004 this morning.", Food, Kind.Pii, "cardNumber"),
        new("Tickets for the swimming gala went on 378282246310005 by mistake.", Sports, Kind.Pii, "cardNumber"),
        new("The bird counter shows 4111 1111 1111 1112 on its screen.", Animals, Kind.Decoy, "4111 1111 1111 1112", "fails Luhn"),
        new("Our cafe loyalty number is 1234 5678 9012 3456 for soup lovers.", Food, Kind.Decoy, "1234 5678 9012 3456", "fails Luhn"),
        new("The weather app version 2.10.3 shows better rain maps.", Weather, Kind.Decoy, "2.10.3", "version string, not an IPv4 address"),
        new("The scoreboard showed 300.1.2.3 after the match ended.", Sports, Kind.Decoy, "300.1.2.3", "octet over 255, not an IPv4 address"),
        new("I hate rainy Mondays more than anything.", Weather, Kind.Term, "hate"),
        new("The stupid goat ate my hat again.", Animals, Kind.Term, "stupid"),
        new("Only an idiot would put salt in the cake.", Food, Kind.Term, "idiot"),
        new("That was a stupid pass in the last minute of the game.", Sports, Kind.Term, "stupid"),
        new("I hate it when the milk goes sour.", Food, Kind.Term, "hate"),
    ];

    static readonly Planned[] Empties =
        [new("", Animals, Kind.Empty), new("", Food, Kind.Empty), new("", Weather, Kind.Empty), new("   ", Sports, Kind.Empty)];

    public static MessyFile Create()
    {
        var rng = new Random(Seeds.Messy);
        var accepted = new List<(Planned Row, HashSet<string> Shingles)>();
        foreach (Planned special in Specials) Accept(accepted, special, $"planted row '{special.Text}'");

        List<Planned> clean = CleanRows(rng, accepted);
        List<Planned> derived = DerivedRows(rng, clean, accepted);

        List<Planned> rows = rng.Shuffled(clean.Concat(Specials).Concat(Empties));
        foreach (Planned row in rng.Shuffled(derived))
        {
            int after = rows.FindIndex(r => ReferenceEquals(r, row.Source));
            rows.Insert(rng.Next(after + 1, rows.Count + 1), row);
        }
        List<Physical> lines = rows.Select(r => new Physical(Encoding.UTF8.GetBytes(SampleJson.Line(new LabelledText(r.Text, r.Label))), r)).ToList();
        foreach (Physical bad in MalformedLines(rng)) lines.Insert(rng.Next(1, lines.Count + 1), bad);
        lines.Insert(rng.Next(1, lines.Count + 1), new Physical([]));

        byte[] jsonl = Join(lines);
        MessyFindings found = MessyChecks.Check(jsonl, ReviewTerms);
        var (planned, decoys) = Plan(lines);
        string foundJson = JsonSerializer.Serialize(found), plannedJson = JsonSerializer.Serialize(planned);
        if (foundJson != plannedJson)
            throw new InvalidOperationException($"{FileName}: the checks find\n{foundJson}\nbut the plan was\n{plannedJson}");
        return new MessyFile(jsonl, Truth(found, decoys));
    }

    static void Accept(List<(Planned Row, HashSet<string> Shingles)> accepted, Planned row, string what)
    {
        HashSet<string> shingles = MessyChecks.Shingles(MessyChecks.Normalize(row.Text));
        foreach (var other in accepted)
        {
            double j = MessyChecks.Jaccard(shingles, other.Shingles);
            if (j >= CleanMaxJaccard) throw new InvalidOperationException($"{what} is too close to '{other.Row.Text}' (Jaccard {j:F2})");
        }
        accepted.Add((row, shingles));
    }

    static bool IsFarFromAll(HashSet<string> shingles, List<(Planned Row, HashSet<string> Shingles)> accepted, Planned? except = null) =>
        accepted.All(a => ReferenceEquals(a.Row, except) || MessyChecks.Jaccard(shingles, a.Shingles) < CleanMaxJaccard);

    /// <summary>Topic sentences with no PII, no review term, and Jaccard below 0.45 against every accepted row.</summary>
    static List<Planned> CleanRows(Random rng, List<(Planned Row, HashSet<string> Shingles)> accepted)
    {
        var needed = Targets.ToDictionary(t => t.Label, t => t.Count
            - Empties.Count(e => e.Label == t.Label) - Specials.Count(s => s.Label == t.Label)
            - ExactLabels.Count(l => l == t.Label) - NormalizedLabels.Count(l => l == t.Label) - NearLabels.Count(l => l == t.Label));
        var clean = new List<Planned>();
        foreach (string label in Labels)
        {
            int made = 0;
            for (int attempt = 0; made < needed[label]; attempt++)
            {
                if (attempt > 200_000) throw new InvalidOperationException($"{FileName}: could not write {needed[label]} distinct '{label}' rows");
                string text = Write(rng, label);
                HashSet<string> shingles = MessyChecks.Shingles(MessyChecks.Normalize(text));
                if (MessyChecks.FindPii(text).Count > 0 || MessyChecks.FindTerm(text, ReviewTerms) is not null) continue;
                if (!IsFarFromAll(shingles, accepted)) continue;
                var row = new Planned(text, label, Kind.Clean);
                accepted.Add((row, shingles));
                clean.Add(row);
                made++;
            }
        }
        return clean;
    }

    static List<Planned> DerivedRows(Random rng, List<Planned> clean, List<(Planned Row, HashSet<string> Shingles)> accepted)
    {
        var unused = rng.Shuffled(clean);
        Planned TakeSource(string label, int minLength = 0)
        {
            Planned source = unused.First(r => r.Label == label && MessyChecks.Normalize(r.Text).Length >= minLength);
            unused.Remove(source);
            return source;
        }
        var derived = new List<Planned>();
        foreach (string label in ExactLabels)
        {
            Planned source = TakeSource(label);
            derived.Add(source with { Kind = Kind.Exact, Source = source });
        }
        for (int i = 0; i < NormalizedLabels.Length; i++)
        {
            Planned source = TakeSource(NormalizedLabels[i]);
            string text = NormalizedVariant(source.Text, i);
            if (MessyChecks.Normalize(text) != MessyChecks.Normalize(source.Text) || text == source.Text)
                throw new InvalidOperationException($"{FileName}: '{text}' is not a normalised duplicate of '{source.Text}'");
            derived.Add(source with { Text = text, Kind = Kind.Normalized, Source = source });
        }
        foreach (string label in NearLabels)
        {
            Planned source = TakeSource(label, minLength: 45);
            string text = NearVariant(rng, source, accepted);
            var row = source with { Text = text, Kind = Kind.Near, Source = source };
            accepted.Add((row, MessyChecks.Shingles(MessyChecks.Normalize(text))));
            derived.Add(row);
        }
        return derived;
    }

    /// <summary>The same text but for case, punctuation and spacing.</summary>
    static string NormalizedVariant(string text, int which) => (which % 4) switch
    {
        0 => text.ToUpperInvariant(),
        1 => char.ToLowerInvariant(text[0]) + text[1..^1] + "!!",
        2 => "  " + text.Replace(" ", "   ").TrimEnd('.') + " ...",
        _ => text.Replace(" the ", ", the ").Replace(".", "?"),
    };

    static readonly string[] AddedWords = ["again", "too", "today", "as usual", "once more", "as always"];

    /// <summary>The source with one or two words added before its final full stop, close to it and far from every other row.</summary>
    static string NearVariant(Random rng, Planned source, List<(Planned Row, HashSet<string> Shingles)> accepted)
    {
        HashSet<string> sourceShingles = MessyChecks.Shingles(MessyChecks.Normalize(source.Text));
        foreach (string word in rng.Shuffled(AddedWords))
        {
            string text = source.Text.TrimEnd('.') + " " + word + ".";
            HashSet<string> shingles = MessyChecks.Shingles(MessyChecks.Normalize(text));
            double j = MessyChecks.Jaccard(shingles, sourceShingles);
            if (j >= NearMinJaccard && j < 1 && IsFarFromAll(shingles, accepted, except: source)) return text;
        }
        throw new InvalidOperationException($"{FileName}: no near-duplicate of '{source.Text}' is close enough");
    }

    static IEnumerable<Physical> MalformedLines(Random rng)
    {
        string Row(string label) => SampleJson.Line(new LabelledText(Write(rng, label), label));
        Physical Bad(string line, string reason) => new(Encoding.UTF8.GetBytes(line), Malformed: reason);
        string truncated = Row(Animals);
        yield return Bad(truncated[..^6], "invalid JSON");
        yield return Bad(Row(Food) + " oops", "invalid JSON");
        yield return Bad(SampleJson.Line(new[] { Write(rng, Weather), Weather }), "not a JSON object");
        yield return new([.. Encoding.UTF8.GetBytes("{\"text\":\"The caf"), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(" menu has soup today.\",\"label\":\"food\"}")],
            Malformed: "invalid UTF-8");
        yield return Bad(SampleJson.Line(new { text = Write(rng, Animals) }), "missing field 'label'");
        yield return Bad(SampleJson.Line(new { text = Write(rng, Sports) }), "missing field 'label'");
        yield return Bad(SampleJson.Line(new { text = 42, label = Sports }), "field 'text' is not a string");
    }

    static byte[] Join(List<Physical> lines)
    {
        var bytes = new List<byte>();
        foreach (Physical line in lines)
        {
            bytes.AddRange(line.Bytes);
            bytes.Add((byte)'\n');
        }
        return [.. bytes];
    }

    /// <summary>What a correct detector should find, from the plan alone (never from the checks).</summary>
    static (MessyFindings Findings, List<PiiDecoy> Decoys) Plan(List<Physical> lines)
    {
        var lineOf = new Dictionary<Planned, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].Row is { } row) lineOf[row] = i + 1;
        List<Planned> rows = lines.Where(l => l.Row is not null).Select(l => l.Row!).ToList();
        List<int> blank = Enumerable.Range(1, lines.Count).Where(n => lines[n - 1] is { Row: null, Malformed: null }).ToList();
        List<MalformedLine> malformed = Enumerable.Range(1, lines.Count).Where(n => lines[n - 1].Malformed is not null)
            .Select(n => new MalformedLine(n, lines[n - 1].Malformed!)).ToList();
        int L(Planned r) => lineOf[r];
        List<DuplicateRow> Copies(Kind kind) => rows.Where(r => r.Kind == kind).Select(r => new DuplicateRow(L(r), L(r.Source!))).ToList();
        double Similarity(Planned r) => Math.Round(MessyChecks.Jaccard(
            MessyChecks.Shingles(MessyChecks.Normalize(r.Text)), MessyChecks.Shingles(MessyChecks.Normalize(r.Source!.Text))), 2);

        var near = rows.Where(r => r.Kind == Kind.Near).Select(r => new NearDuplicateRow(L(r), L(r.Source!), Similarity(r))).ToList();
        var pii = rows.Where(r => r.Kind == Kind.Pii).Select(r => new PiiHit(L(r), r.Value!, PiiValue(r.Text))).ToList();
        var decoys = rows.Where(r => r.Kind == Kind.Decoy).Select(r => new PiiDecoy(L(r), r.Value!, r.Why!)).ToList();
        var terms = rows.Where(r => r.Kind == Kind.Term).Select(r => new TermHit(L(r), r.Value!)).ToList();
        var labels = Targets.Select(t => new LabelCount(t.Label, t.Count)).ToList();
        var findings = new MessyFindings(lines.Count, blank, malformed, rows.Count,
            rows.Where(r => r.Kind == Kind.Empty).Select(L).ToList(),
            Copies(Kind.Exact), Copies(Kind.Normalized), near, pii, terms, labels);
        return (findings, decoys);
    }

    /// <summary>The planted value inside a PII sentence: the one token with a digit or an @, phone numbers with their spaces.</summary>
    static string PiiValue(string text)
    {
        foreach (string known in new[] { "(212) 555-0142", "+1 212 555 0199", "4111 1111 1111 1111" })
            if (text.Contains(known)) return known;
        return text.Split(' ').Single(w => w.Any(char.IsAsciiDigit) || w.Contains('@')).TrimEnd('.');
    }

    static string Truth(MessyFindings found, List<PiiDecoy> decoys)
    {
        JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode> node) => new(items.Select(node).ToArray<JsonNode?>());
        var pii = new JsonObject();
        foreach (string kind in new[] { MessyChecks.Email, MessyChecks.Phone, MessyChecks.IpAddress, MessyChecks.CardNumber })
            pii[kind] = Array(found.Pii.Where(p => p.Kind == kind), p => new JsonObject { ["line"] = p.Line, ["match"] = p.Match });
        var labels = new JsonObject();
        foreach (LabelCount l in found.Labels) labels[l.Label] = l.Count;
        var truth = new JsonObject
        {
            ["file"] = FileName,
            ["physicalLines"] = found.PhysicalLines,
            ["blankLines"] = Array(found.BlankLines, l => JsonValue.Create(l)),
            ["malformed"] = Array(found.Malformed, m => new JsonObject { ["line"] = m.Line, ["reason"] = m.Reason }),
            ["validRows"] = found.ValidRows,
            ["emptyText"] = Array(found.EmptyText, l => JsonValue.Create(l)),
            ["exactDuplicates"] = Array(found.ExactDuplicates, d => new JsonObject { ["line"] = d.Line, ["of"] = d.Of }),
            ["normalizedDuplicates"] = Array(found.NormalizedDuplicates, d => new JsonObject { ["line"] = d.Line, ["of"] = d.Of }),
            ["nearDuplicates"] = Array(found.NearDuplicates, d => new JsonObject { ["line"] = d.Line, ["of"] = d.Of, ["jaccard"] = d.Jaccard }),
            ["pii"] = pii,
            ["piiDecoys"] = Array(decoys, d => new JsonObject { ["line"] = d.Line, ["text"] = d.Text, ["why"] = d.Why }),
            ["reviewTerms"] = Array(ReviewTerms, t => JsonValue.Create(t)),
            ["termHits"] = Array(found.TermHits, t => new JsonObject { ["line"] = t.Line, ["term"] = t.Term }),
            ["labels"] = labels,
        };
        return truth.ToJsonString(new JsonSerializerOptions(SampleJson.Options) { WriteIndented = true }) + "\n";
    }
}
