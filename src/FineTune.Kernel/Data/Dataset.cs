using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Kernel.Notebook;
using Microsoft.Data.Analysis;

namespace FineTune.Kernel.Data;

/// <summary>
/// A fine-tuning dataset: rows of one <see cref="DatasetFormat"/>, loaded from a JSONL, JSON, CSV, TSV
/// or Parquet file, with where each row came from. Datasets never change: every transform returns a new
/// one, whose <see cref="Report"/> says in one line what changed.
/// <code>
/// var data = Dataset.Load("data-samples/messy.jsonl");       // detects the format, skips (and lists) bad records
/// data.Describe(tokenizer: "cl100k", contextLength: 64)       // sizes, lengths, duplicates, private data, labels
/// var clean = data.Dedupe().ScrubPrivateInfo();
/// var splits = clean.Split(validation: 0.1, test: 0.1, seed: 1);
/// splits.Train.Export("out/train.jsonl", ExportFormat.Chat);
/// </code>
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed partial class Dataset : IHtmlRenderable
{
    const int CellCharacters = 160;

    internal Dataset(string name, FormatSchema schema, IReadOnlyList<DataRow> rows, string positionName, LoadReport? loadReport, IReadOnlyList<TransformReport> history)
    {
        Name = name;
        Schema = schema;
        Rows = rows;
        PositionName = positionName;
        LoadReport = loadReport;
        History = history;
    }

    /// <summary>Loads a dataset (see the class summary for the file kinds), detecting its format unless <paramref name="format"/> is given.</summary>
    /// <param name="path">A .jsonl (or .ndjson), .json, .csv, .tsv or .parquet file.</param>
    /// <param name="format">The format to read the rows as, instead of detecting it.</param>
    /// <param name="columns">Which of the file's fields is which canonical field, e.g. <c>new() { ["output"] = "answer" }</c>.</param>
    /// <param name="strict">Stop at the first bad record with a <see cref="DataFormatException"/> (file, position, field, reason),
    /// instead of skipping it and listing it in <see cref="LoadReport"/>.</param>
    public static Dataset Load(string path, DatasetFormat? format = null, IReadOnlyDictionary<string, string>? columns = null, bool strict = false)
    {
        var source = DataFile.Read(path);
        var detection = FormatDetection.Detect(path, source.Records.Where(r => r.Record is not null).Select(r => r.Record!).ToList(), format, columns);
        var shaper = new RecordShaper(detection.Schema, detection.Mapping);
        var rows = new List<DataRow>(source.Records.Count);
        var skipped = new List<DataProblem>();
        foreach (var record in source.Records)
        {
            var (row, problem) = record.Record is null ? (null, record.Problem) : shaper.Shape(record.Position, record.Record);
            if (row is not null) rows.Add(row);
            else if (strict) throw new DataFormatException(path, source.PositionName, problem!);
            else skipped.Add(problem!);
        }
        var report = new LoadReport(path, source, detection.Schema, detection.Evidence, detection.Mapping, rows.Count, skipped);
        return new Dataset(Path.GetFileName(path), detection.Schema, rows, source.PositionName, report, []);
    }

    /// <summary>
    /// A dataset from objects made in code (anonymous objects, records, dictionaries), one per row, read
    /// as <paramref name="format"/>; a record that does not fit the format throws, naming its position.
    /// </summary>
    public static Dataset From(DatasetFormat format, IEnumerable<object> records, string name = "records")
    {
        var schema = FormatSchema.Of(format);
        var shaper = new RecordShaper(schema, schema.Fields.ToDictionary(f => f.Name, f => f.Name));
        var rows = new List<DataRow>();
        int position = 0;
        foreach (var item in records)
        {
            position++;
            if (JsonSerializer.SerializeToNode(item) is not JsonObject record)
                throw new DataFormatException(name, "item", new DataProblem(position, null, "not an object with fields"));
            var (row, problem) = shaper.Shape(position, record);
            rows.Add(row ?? throw new DataFormatException(name, "item", problem!));
        }
        return new Dataset(name, schema, rows, "item", null, []);
    }

    /// <summary>The dataset's name: its file name, or what a transform made of it.</summary>
    public string Name { get; }

    /// <summary>The format of the rows.</summary>
    public DatasetFormat Format => Schema.Format;

    /// <summary>The format as a user reads it: "labelled text", "chat (messages)", ...</summary>
    public string FormatName => Schema.Name;

    /// <summary>The rows, in file order unless a transform reordered them.</summary>
    public IReadOnlyList<DataRow> Rows { get; }

    /// <summary>How many rows.</summary>
    public int Count => Rows.Count;

    /// <summary>Every field name that occurs, canonical ones first.</summary>
    public IReadOnlyList<string> Columns => columnNames ??= [.. Schema.Fields.Select(f => f.Name).Concat(Rows.SelectMany(r => r.FieldNames)).Distinct()];

    IReadOnlyList<string>? columnNames;

    /// <summary>What a row's <see cref="DataRow.Position"/> counts: "line" (JSONL, CSV), "item" (JSON array, objects) or "row" (Parquet).</summary>
    public string PositionName { get; }

    /// <summary>How the file was loaded (null for datasets made in code).</summary>
    public LoadReport? LoadReport { get; }

    /// <summary>The transforms that made this dataset from the loaded one, oldest first.</summary>
    public IReadOnlyList<TransformReport> History { get; }

    /// <summary>One line on the last change: the last transform's report, or how the file was loaded.</summary>
    public string Report => History.Count > 0 ? History[^1].ToString() : LoadReport?.Summary ?? $"{Name}: {Count} rows made in code";

    internal FormatSchema Schema { get; }

    /// <summary>The dataset as a Microsoft.Data.Analysis DataFrame: a column for the position, then one string column per field.</summary>
    public DataFrame ToDataFrame()
    {
        var frame = new List<DataFrameColumn> { new PrimitiveDataFrameColumn<int>(PositionName, Rows.Select(r => r.Position)) };
        foreach (var name in Columns)
            frame.Add(new StringDataFrameColumn(name, Rows.Select(r => r.Has(name) ? r[name] : null)));
        return new DataFrame(frame);
    }

    /// <summary>A dataset of the same format with <paramref name="rows"/>, recording <paramref name="report"/>.</summary>
    internal Dataset With(IReadOnlyList<DataRow> rows, TransformReport report, string? name = null, FormatSchema? schema = null) =>
        new(name ?? Name, schema ?? Schema, rows, PositionName, LoadReport, [.. History, report]);

    /// <summary>The name, format, size and last change, then the first rows.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Name}: {Count} rows, {FormatName}").AppendLine().AppendLine(Report);
        foreach (var row in Rows.Take(NotebookHtml.MaxRows)) text.AppendLine(Shorten(row.ToString()));
        if (Count > NotebookHtml.MaxRows) text.Append($"... {Count - NotebookHtml.MaxRows} more rows");
        return text.ToString().TrimEnd();
    }

    /// <inheritdoc/>
    public string ToHtml()
    {
        var names = Columns;
        var html = new StringBuilder("<div class=\"finetune-dataset\">")
            .Append($"<p><b>{NotebookHtml.Encode(Name)}</b>: {Count:N0} rows, {NotebookHtml.Encode(FormatName)}<br/>{NotebookHtml.Encode(Report)}</p>");
        var shown = Rows.Take(NotebookHtml.MaxRows).Select(r => new object?[] { r.Position }.Concat(names.Select(c => (object?)Shorten(r[c]))));
        html.Append(NotebookHtml.Table([PositionName, .. names], shown,
            Count > NotebookHtml.MaxRows ? $"showing the first {NotebookHtml.MaxRows} of {Count:N0} rows" : null));
        return html.Append("</div>").ToString();
    }

    static string Shorten(string text) => text.Length <= CellCharacters ? text : text[..(CellCharacters - 1)] + "…";
}
