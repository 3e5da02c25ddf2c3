using System.Text.RegularExpressions;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Data;

public sealed partial class Dataset
{
    /// <summary>
    /// Everything worth knowing about the data before training on it: size, missing and empty fields,
    /// lengths in characters, words and (with a tokenizer) tokens, rows over the context length, label
    /// balance, exact/normalised/near duplicates, private information and review-term hits. Renders as an
    /// HTML summary with charts; every number is also a property.
    /// </summary>
    /// <param name="tokenizer">A model folder or tokenizer preset ("cl100k", "o200k") to count tokens with; none: no token counts.</param>
    /// <param name="contextLength">A context window in tokens: rows longer than it are listed.</param>
    /// <param name="reviewTerms">Words to look for, for a bias or toxicity review (whole words, any case).</param>
    /// <param name="nearDuplicateThreshold">Jaccard similarity (character 5-grams) from which two rows count as near-duplicates.</param>
    public DatasetSummary Describe(string? tokenizer = null, int? contextLength = null, IReadOnlyList<string>? reviewTerms = null, double nearDuplicateThreshold = 0.8) =>
        Describe(tokenizer is null ? null : TextTokenizer.Load(tokenizer), contextLength, reviewTerms, nearDuplicateThreshold);

    /// <inheritdoc cref="Describe(string?, int?, IReadOnlyList{string}?, double)"/>
    public DatasetSummary Describe(TextTokenizer? tokenizer, int? contextLength = null, IReadOnlyList<string>? reviewTerms = null, double nearDuplicateThreshold = 0.8)
    {
        if (contextLength is not null && tokenizer is null)
            throw new ArgumentException("a context length is measured in tokens: pass a tokenizer too", nameof(contextLength));
        var examples = Rows.Select(r => ExampleText.Whole(r, Schema)).ToList();
        var tokens = tokenizer is null ? [] : examples.Select(tokenizer.CountTokens).ToList();
        var terms = reviewTerms ?? [];
        return new DatasetSummary
        {
            Name = Name,
            FormatName = FormatName,
            Format = Format,
            Rows = Count,
            Columns = Columns,
            LoadReport = LoadReport,
            Fields = Columns.Select(SummarizeField).ToList(),
            CharacterCounts = examples.Select(e => e.Length).ToList(),
            WordCounts = examples.Select(CountWords).ToList(),
            TokenCounts = tokens,
            Tokenizer = tokenizer?.Source,
            ContextLength = contextLength,
            OverContext = contextLength is { } limit ? Rows.Where((_, i) => tokens[i] > limit).Select(r => r.Position).ToList() : [],
            Labels = LabelCounts(),
            Duplicates = new DuplicateScan(Rows, Schema, nearDuplicateThreshold),
            NearDuplicateThreshold = nearDuplicateThreshold,
            PrivateInfo = FindPrivateInfo(),
            ReviewTerms = terms,
            TermHits = FindTerms(terms),
        };
    }

    FieldSummary SummarizeField(string name)
    {
        int present = 0, empty = 0;
        var lengths = new List<int>();
        foreach (var row in Rows)
        {
            if (row.Node(name) is null) continue;
            present++;
            string text = row[name];
            bool isEmpty = string.IsNullOrWhiteSpace(text) || text == "[]";
            if (isEmpty) empty++;
            lengths.Add(text.Length);
        }
        return new FieldSummary(name, present, Count - present, empty, LengthStats.Of(lengths));
    }

    IReadOnlyList<LabelCount> LabelCounts()
    {
        if (Format != DatasetFormat.LabelledText) return [];
        var counts = Rows.GroupBy(r => r["label"]).Select(g => (Label: g.Key, Rows: g.Count())).OrderByDescending(c => c.Rows).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
        return counts.Select(c => new LabelCount(c.Label, c.Rows, (double)c.Rows / Count)).ToList();
    }

    IReadOnlyList<PrivateInfoHit> FindPrivateInfo() =>
        Rows.SelectMany(row => ExampleText.Fields(row, Schema).SelectMany(field =>
            PrivateInfo.Find(field.Text).Select(hit => new PrivateInfoHit(row.Position, field.Field, hit.Kind, field.Text.Substring(hit.Start, hit.Length), hit.Start)))).ToList();

    IReadOnlyList<TermHit> FindTerms(IReadOnlyList<string> terms)
    {
        var words = terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        if (words.Count == 0) return [];
        var pattern = new Regex(@"(?<!\w)(?:" + string.Join("|", words.Select(Regex.Escape)) + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return Rows.SelectMany(row => ExampleText.Fields(row, Schema).SelectMany(field =>
            pattern.Matches(field.Text).Select(m => new TermHit(row.Position, field.Field, words.First(w => string.Equals(w, m.Value, StringComparison.OrdinalIgnoreCase)))))).ToList();
    }

    static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; words++; }
        }
        return words;
    }
}
