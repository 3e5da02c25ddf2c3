using System.Text;
using FineTune.Kernel.Notebook;

namespace FineTune.Kernel.Data;

/// <summary>
/// What loading a file did: how many records it read and kept, which format it took them for and why,
/// and every record it skipped with its position and reason (nothing is dropped without being listed).
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class LoadReport : IHtmlRenderable
{
    const int ProblemsShown = 5;

    internal LoadReport(string file, SourceFile source, FormatSchema schema, string evidence, IReadOnlyDictionary<string, string> mapping, int rowsLoaded, IReadOnlyList<DataProblem> skipped)
    {
        File = file;
        FileKind = source.Kind;
        PositionName = source.PositionName;
        RecordsRead = source.Records.Count;
        BlankLines = source.BlankLines;
        HadByteOrderMark = source.HadByteOrderMark;
        Format = schema.Format;
        FormatName = schema.Name;
        FormatEvidence = evidence;
        ColumnMapping = mapping.Where(m => m.Key != m.Value).ToDictionary();
        RowsLoaded = rowsLoaded;
        Skipped = skipped;
    }

    /// <summary>The file that was read.</summary>
    public string File { get; }

    /// <summary>"JSON Lines", "JSON array", "CSV", "TSV" or "Parquet".</summary>
    public string FileKind { get; }

    /// <summary>What positions count: "line", "item" or "row".</summary>
    public string PositionName { get; }

    /// <summary>Records found in the file (blank lines not counted).</summary>
    public int RecordsRead { get; }

    /// <summary>Records that became rows.</summary>
    public int RowsLoaded { get; }

    /// <summary>Empty or whitespace-only lines, skipped.</summary>
    public int BlankLines { get; }

    /// <summary>Whether the file started with a UTF-8 byte-order mark (which was skipped).</summary>
    public bool HadByteOrderMark { get; }

    /// <summary>The format the rows were read as.</summary>
    public DatasetFormat Format { get; }

    /// <summary>The format as a user reads it: "labelled text", "instruction (Alpaca)", ...</summary>
    public string FormatName { get; }

    /// <summary>Why that format: "chosen by the caller", or the fields that were found.</summary>
    public string FormatEvidence { get; }

    /// <summary>The canonical fields that came from a field of another name (canonical name to the file's name).</summary>
    public IReadOnlyDictionary<string, string> ColumnMapping { get; }

    /// <summary>Every record that was skipped, in file order, with its position and reason.</summary>
    public IReadOnlyList<DataProblem> Skipped { get; }

    /// <summary>"messy.jsonl: 306 of 313 records loaded as labelled text (detected: ...); 7 skipped; 1 blank line".</summary>
    public string Summary
    {
        get
        {
            var text = new StringBuilder($"{Path.GetFileName(File)}: {RowsLoaded} of {RecordsRead} records loaded as {FormatName} ({FormatEvidence})");
            if (ColumnMapping.Count > 0) text.Append("; fields ").Append(string.Join(", ", ColumnMapping.Select(m => $"{m.Key} <- '{m.Value}'")));
            text.Append(Skipped.Count == 0 ? "; none skipped" : $"; {Skipped.Count} skipped");
            if (BlankLines > 0) text.Append($"; {BlankLines} blank line{(BlankLines == 1 ? "" : "s")}");
            if (HadByteOrderMark) text.Append("; UTF-8 byte-order mark skipped");
            return text.ToString();
        }
    }

    /// <summary>The summary, then the first skipped records.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Summary);
        foreach (var problem in Skipped.Take(ProblemsShown)) text.Append(Environment.NewLine).Append("  ").Append(problem.Describe(PositionName));
        if (Skipped.Count > ProblemsShown) text.Append(Environment.NewLine).Append($"  ... and {Skipped.Count - ProblemsShown} more");
        return text.ToString();
    }

    /// <inheritdoc/>
    public string ToHtml()
    {
        var html = new StringBuilder($"<div class=\"finetune-load-report\"><p>{NotebookHtml.Encode(Summary)}</p>");
        if (Skipped.Count > 0)
            html.Append(NotebookHtml.Table([PositionName, "field", "reason"],
                Skipped.Take(ProblemsShown).Select(p => new object?[] { p.Position, p.Field, p.Reason }),
                Skipped.Count > ProblemsShown ? $"first {ProblemsShown} of {Skipped.Count} skipped records (all are in Skipped)" : null));
        return html.Append("</div>").ToString();
    }
}
