using FineTune.Kernel.Notebook;

namespace FineTune.Kernel.Data;

/// <summary>Train, validation and test splits of one dataset (from <see cref="Dataset.Split"/>), with their sizes and label balance.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record DatasetSplits(Dataset Train, Dataset Validation, Dataset Test) : IHtmlRenderable
{
    IEnumerable<(string Name, Dataset Data)> All => [("train", Train), ("validation", Validation), ("test", Test)];

    /// <summary>Writes train.jsonl, validation.jsonl and test.jsonl into <paramref name="folder"/>, each atomically.</summary>
    public IReadOnlyList<ExportedFile> Export(string folder, ExportFormat format = ExportFormat.Records, string? instruction = null) =>
        All.Select(s => s.Data.Export(Path.Combine(folder, s.Name + ".jsonl"), format, instruction)).ToList();

    /// <summary>"train 240, validation 30, test 30".</summary>
    public override string ToString() => string.Join(", ", All.Select(s => $"{s.Name} {s.Data.Count}"));

    /// <inheritdoc/>
    public string ToHtml()
    {
        var counts = All.Select(s => (s.Name, s.Data.Count, Labels: LabelsOf(s.Data))).ToList();
        var labels = counts.SelectMany(c => c.Labels.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        return NotebookHtml.Table(["split", "rows", .. labels],
            counts.Select(c => new object?[] { c.Name, c.Count }.Concat(labels.Select(l => (object?)c.Labels.GetValueOrDefault(l)))),
            Train.History.Count > 0 ? Train.History[^1].Operation : null);
    }

    static Dictionary<string, int> LabelsOf(Dataset data) =>
        data.Format == DatasetFormat.LabelledText ? data.Rows.GroupBy(r => r["label"]).ToDictionary(g => g.Key, g => g.Count()) : [];
}
