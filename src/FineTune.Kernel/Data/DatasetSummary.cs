using System.Globalization;
using System.Text;
using FineTune.Kernel.Notebook;
using Plotly.NET;

namespace FineTune.Kernel.Data;

/// <summary>
/// What <see cref="Dataset.Describe(string?, int?, IReadOnlyList{string}?, double)"/> found. In a notebook it renders
/// as findings, tables and charts; every figure is also a property, and <see cref="ToString"/> is the
/// same summary as plain text (what <c>finetune data inspect</c> prints).
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class DatasetSummary : IHtmlRenderable
{
    const int RowsShown = 10;
    internal DuplicateScan Duplicates { get; init; } = null!;

    internal DatasetSummary() { }

    /// <summary>The dataset's name.</summary>
    public required string Name { get; init; }

    /// <summary>The dataset's format.</summary>
    public required DatasetFormat Format { get; init; }

    /// <summary>The format as a user reads it.</summary>
    public required string FormatName { get; init; }

    /// <summary>How many rows.</summary>
    public required int Rows { get; init; }

    /// <summary>The field names.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>How the file was loaded, with every skipped record (null for datasets made in code).</summary>
    public LoadReport? LoadReport { get; init; }

    /// <summary>Presence, emptiness and length of each field.</summary>
    public required IReadOnlyList<FieldSummary> Fields { get; init; }

    /// <summary>Each row's example length in characters, in row order.</summary>
    public required IReadOnlyList<int> CharacterCounts { get; init; }

    /// <summary>Each row's example length in words (runs of non-space characters).</summary>
    public required IReadOnlyList<int> WordCounts { get; init; }

    /// <summary>Each row's example length in tokens (empty when no tokenizer was given).</summary>
    public required IReadOnlyList<int> TokenCounts { get; init; }

    /// <summary>The tokenizer the tokens were counted with, or null.</summary>
    public string? Tokenizer { get; init; }

    /// <summary>Example lengths in characters.</summary>
    public LengthStats Characters => LengthStats.Of(CharacterCounts);

    /// <summary>Example lengths in words.</summary>
    public LengthStats Words => LengthStats.Of(WordCounts);

    /// <summary>Example lengths in tokens, or null without a tokenizer.</summary>
    public LengthStats? Tokens => Tokenizer is null ? null : LengthStats.Of(TokenCounts);

    /// <summary>The context length rows were checked against, or null.</summary>
    public int? ContextLength { get; init; }

    /// <summary>Positions of the rows with more tokens than <see cref="ContextLength"/>.</summary>
    public required IReadOnlyList<int> OverContext { get; init; }

    /// <summary>Rows per label, most frequent first (labelled text only).</summary>
    public required IReadOnlyList<LabelCount> Labels { get; init; }

    /// <summary>Rows of the most frequent label per row of the least frequent one, or null without labels.</summary>
    public double? ImbalanceRatio => Labels.Count == 0 ? null : (double)Labels[0].Rows / Labels[^1].Rows;

    /// <summary>Rows that repeat an earlier row exactly.</summary>
    public IReadOnlyList<DuplicateRow> ExactDuplicates => Duplicates.Exact;

    /// <summary>Rows that repeat an earlier row once case, punctuation and spacing are ignored.</summary>
    public IReadOnlyList<DuplicateRow> NormalizedDuplicates => Duplicates.Normalized;

    /// <summary>Rows whose text is nearly that of an earlier row (Jaccard similarity at or above <see cref="NearDuplicateThreshold"/>).</summary>
    public IReadOnlyList<DuplicateRow> NearDuplicates => Duplicates.Near;

    /// <summary>Groups of duplicate rows of every kind; the first row of each is the one kept.</summary>
    public IReadOnlyList<DuplicateCluster> DuplicateClusters =>
        [.. Duplicates.CopyClusters(DuplicateKind.Exact), .. Duplicates.CopyClusters(DuplicateKind.Normalized), .. Duplicates.NearClusters];

    /// <summary>The similarity from which rows count as near-duplicates.</summary>
    public required double NearDuplicateThreshold { get; init; }

    /// <summary>Every piece of private information found.</summary>
    public required IReadOnlyList<PrivateInfoHit> PrivateInfo { get; init; }

    /// <summary>Hits per kind of private information (every kind listed, zeros included).</summary>
    public IReadOnlyDictionary<PrivateInfoKind, int> PrivateInfoCounts =>
        Enum.GetValues<PrivateInfoKind>().ToDictionary(k => k, k => PrivateInfo.Count(h => h.Kind == k));

    /// <summary>The review terms that were looked for.</summary>
    public required IReadOnlyList<string> ReviewTerms { get; init; }

    /// <summary>Every review-term match.</summary>
    public required IReadOnlyList<TermHit> TermHits { get; init; }

    /// <summary>Rows with at least one review term.</summary>
    public int RowsWithReviewTerms => TermHits.Select(h => h.Position).Distinct().Count();

    /// <summary>One line per problem found, worst first; empty when the data looks clean.</summary>
    public IReadOnlyList<string> Findings
    {
        get
        {
            var findings = new List<string>();
            if (LoadReport is { } load)
            {
                if (load.Skipped.Count > 0)
                    findings.Add($"{Plural(load.Skipped.Count, "record")} skipped while loading ({string.Join(", ", load.Skipped.GroupBy(p => Reason(p)).Select(g => $"{g.Count()} {g.Key}"))})");
                if (load.BlankLines > 0) findings.Add($"{Plural(load.BlankLines, "blank line")} skipped");
            }
            foreach (var summary in Fields.Where(f => f.Empty > 0)) findings.Add($"{Plural(summary.Empty, "row")} with an empty '{summary.Name}'");
            if (ExactDuplicates.Count + NormalizedDuplicates.Count + NearDuplicates.Count > 0)
                findings.Add($"{Plural(ExactDuplicates.Count, "exact duplicate")}, {Plural(NormalizedDuplicates.Count, "normalised duplicate")}, " +
                             $"{Plural(NearDuplicates.Count, "near-duplicate")} (Jaccard >= {Number(NearDuplicateThreshold)}, {Plural(Duplicates.NearClusters.Count, "cluster")})");
            if (PrivateInfo.Count > 0)
                findings.Add($"{Plural(PrivateInfo.Count, "private-information hit")}: " +
                             string.Join(", ", PrivateInfoCounts.Where(c => c.Value > 0).Select(c => $"{c.Value} {KindName(c.Key)}{(c.Value == 1 ? "" : c.Key == PrivateInfoKind.IpAddress ? "es" : "s")}")));
            if (ContextLength is { } limit && OverContext.Count > 0) findings.Add($"{Plural(OverContext.Count, "row")} over the context length of {limit} tokens");
            if (ImbalanceRatio is { } ratio && ratio >= 1.5)
                findings.Add($"label imbalance {Number(ratio)}:1 ({string.Join(", ", Labels.Select(l => $"{l.Label} {l.Rows}"))})");
            if (TermHits.Count > 0)
                findings.Add($"{Plural(RowsWithReviewTerms, "row")} with review terms ({string.Join(", ", TermHits.GroupBy(h => h.Term).Select(g => $"{g.Key} {g.Count()}"))})");
            return findings;
        }
    }

    /// <summary>A histogram of example lengths in tokens (characters without a tokenizer), the context length marked.</summary>
    public GenericChart TokenLengthChart() => Tokenizer is null
        ? Charts.Histogram(CharacterCounts.Select(c => (double)c), title: $"{Name}: example length", xTitle: "characters", yTitle: "rows")
        : Charts.Histogram(TokenCounts.Select(c => (double)c), title: $"{Name}: example length" + (ContextLength is { } c ? $" (context {c} marked)" : ""),
            xTitle: $"tokens ({Tokenizer})", yTitle: "rows", markAt: ContextLength);

    /// <summary>Rows per label, as bars.</summary>
    public GenericChart LabelChart() =>
        Charts.Bar(Labels.Select(l => l.Label), Labels.Select(l => (double)l.Rows), title: $"{Name}: rows per label", xTitle: "label", yTitle: "rows");

    /// <summary>The largest duplicate clusters (up to 30), as bars of their size, named by kind and first row.</summary>
    public GenericChart DuplicateChart()
    {
        var clusters = DuplicateClusters.OrderByDescending(c => c.Positions.Count).ThenBy(c => c.Positions[0]).Take(30).ToList();
        return Charts.Bar(clusters.Select(c => $"{KindWord(c.Kind)} #{c.Positions[0]}"), clusters.Select(c => (double)c.Positions.Count),
            title: $"{Name}: duplicate clusters", xTitle: "cluster (kind, first row)", yTitle: "rows");
    }

    /// <summary>The summary as plain text: the findings, then the tables.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Name}: {Rows:N0} rows, {FormatName}, fields {string.Join(", ", Columns)}").AppendLine();
        if (LoadReport is not null) text.AppendLine(LoadReport.ToString());
        var findings = Findings;
        text.AppendLine(findings.Count == 0 ? "No problems found." : "Findings:");
        foreach (var finding in findings) text.Append("  - ").AppendLine(finding);
        text.AppendLine($"Example length: characters {Characters}; words {Words}" + (Tokens is { } t ? $"; tokens {t} ({Tokenizer})" : ""));
        foreach (var f in Fields) text.AppendLine($"  field {f.Name}: present {f.Present}, missing {f.Missing}, empty {f.Empty}, characters {f.Characters}");
        if (Labels.Count > 0) text.AppendLine("Labels: " + string.Join(", ", Labels.Select(l => $"{l.Label} {l.Rows} ({l.Share:P0})")));
        foreach (var d in ExactDuplicates.Concat(NormalizedDuplicates).Concat(NearDuplicates).Take(RowsShown * 2))
            text.AppendLine($"  {KindWord(d.Kind)} duplicate: #{d.Position} of #{d.Of}" + (d.Kind == DuplicateKind.Near ? $" (Jaccard {Number(d.Similarity)})" : ""));
        foreach (var hit in PrivateInfo.Take(RowsShown * 2)) text.AppendLine($"  {KindName(hit.Kind)} at #{hit.Position} ({hit.Field}): {hit.Match}");
        foreach (var hit in TermHits.Take(RowsShown * 2)) text.AppendLine($"  review term '{hit.Term}' at #{hit.Position} ({hit.Field})");
        return text.ToString().TrimEnd();
    }

    /// <inheritdoc/>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"finetune-summary\">");
        html.Append($"<h3>{NotebookHtml.Encode(Name)}: {Rows:N0} rows, {NotebookHtml.Encode(FormatName)}</h3>");
        if (LoadReport is not null) html.Append(LoadReport.ToHtml());
        var findings = Findings;
        html.Append(findings.Count == 0 ? "<p>No problems found.</p>" : "<ul class=\"finetune-findings\">" + string.Concat(findings.Select(f => $"<li>{NotebookHtml.Encode(f)}</li>")) + "</ul>");
        html.Append(NotebookHtml.Table(["example length", "min", "mean", "p50", "p95", "max"], LengthRows()));
        html.Append(NotebookHtml.Table(["field", "present", "missing", "empty", "characters (p50)", "characters (max)"],
            Fields.Select(f => new object?[] { f.Name, f.Present, f.Missing, f.Empty, f.Characters.P50, f.Characters.Max })));
        html.Append(ChartHtml.Fragment(TokenLengthChart()));
        if (Labels.Count > 0)
        {
            html.Append(NotebookHtml.Table(["label", "rows", "share"], Labels.Select(l => new object?[] { l.Label, l.Rows, l.Share.ToString("P1", CultureInfo.InvariantCulture) }),
                $"imbalance ratio {Number(ImbalanceRatio!.Value)}:1"));
            html.Append(ChartHtml.Fragment(LabelChart()));
        }
        var duplicates = ExactDuplicates.Concat(NormalizedDuplicates).Concat(NearDuplicates).ToList();
        if (duplicates.Count > 0)
        {
            html.Append(NotebookHtml.Table(["kind", "row", "repeats row", "similarity"],
                duplicates.Take(RowsShown * 3).Select(d => new object?[] { KindWord(d.Kind), d.Position, d.Of, d.Similarity }), Shown(RowsShown * 3, duplicates.Count, "duplicates")));
            html.Append(ChartHtml.Fragment(DuplicateChart()));
        }
        if (PrivateInfo.Count > 0)
            html.Append(NotebookHtml.Table(["row", "field", "kind", "found"],
                PrivateInfo.Take(RowsShown * 2).Select(h => new object?[] { h.Position, h.Field, KindName(h.Kind), h.Match }), Shown(RowsShown * 2, PrivateInfo.Count, "hits")));
        if (TermHits.Count > 0)
            html.Append(NotebookHtml.Table(["row", "field", "term"], TermHits.Take(RowsShown * 2).Select(h => new object?[] { h.Position, h.Field, h.Term }),
                Shown(RowsShown * 2, TermHits.Count, "hits")));
        return html.Append("</div>").ToString();
    }

    IEnumerable<object?[]> LengthRows()
    {
        yield return Row("characters", Characters);
        yield return Row("words", Words);
        if (Tokens is { } tokens) yield return Row($"tokens ({Tokenizer})", tokens);
        static object?[] Row(string name, LengthStats s) => [name, s.Min, s.Mean, s.P50, s.P95, s.Max];
    }

    static string? Shown(int shown, int total, string what) => total > shown ? $"first {shown} of {total} {what}" : null;

    static string Reason(DataProblem problem) => problem.Field is { } field ? $"'{field}' {problem.Reason.Split(',')[0]}" : problem.Reason.Split(" (")[0];

    static string KindWord(DuplicateKind kind) => kind switch { DuplicateKind.Exact => "exact", DuplicateKind.Normalized => "normalised", _ => "near" };

    static string KindName(PrivateInfoKind kind) => kind switch
    {
        PrivateInfoKind.Email => "email",
        PrivateInfoKind.CardNumber => "card number",
        PrivateInfoKind.IpAddress => "IP address",
        _ => "phone number",
    };

    static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
