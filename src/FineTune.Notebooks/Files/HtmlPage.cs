using System.Text;
using FineTune.Kernel.IO;
using FineTune.Kernel.Notebook;
using FineTune.Notebooks.Session;
using Markdig;

namespace FineTune.Notebooks.Files;

/// <summary>
/// A whole executed notebook as one self-contained HTML page: markdown rendered, code, and outputs,
/// with plotly.js embedded once when a chart is on the page. Nothing is loaded from the network, so
/// the page works offline and can be mailed or archived as is.
/// </summary>
static class HtmlPage
{
    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #1f2328; }
        header { border-bottom: 1px solid #d0d7de; margin-bottom: 1.5em; }
        .summary { color: #57606a; }
        .cell { margin: 1em 0; }
        .code { display: flex; gap: .5em; }
        .count { color: #57606a; font-family: monospace; min-width: 3.5em; text-align: right; padding-top: .6em; }
        pre { margin: 0; padding: .6em; overflow-x: auto; font-size: 13px; }
        .source { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 4px; flex: 1; }
        .outputs { margin-left: 4em; }
        .output { margin: .4em 0; overflow-x: auto; }
        .stderr { background: #fff8e1; }
        .error { background: #ffebe9; color: #82071e; }
        table.finetune-table { border-collapse: collapse; font-size: 13px; }
        table.finetune-table th, table.finetune-table td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: left; }
        table.finetune-table th { background: #f6f8fa; }
        .finetune-caption { color: #57606a; font-size: 12px; margin-top: 3px; }
        """;

    public static void Write(NotebookDocument notebook, IReadOnlyList<CellRun> runs, string path)
    {
        var body = new StringBuilder();
        foreach (var cell in notebook.Cells) AppendCell(body, cell);
        string content = body.ToString();

        var page = new StringBuilder();
        // The charset comes first: browsers only look for it in the first 1024 bytes, and plotly.js is 3.6 MB.
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Append("<title>").Append(NotebookHtml.Encode(notebook.Name)).Append("</title>\n");
        page.Append("<style>\n").Append(Style).Append("</style>\n");
        if (content.Contains("finetune-chart") || content.Contains("Plotly.newPlot"))
            page.Append("<script type=\"text/javascript\">\n").Append(ChartHtml.PlotlyJs().Replace("</script", "<\\/script")).Append("\n</script>\n");
        page.Append("</head>\n<body>\n<header>\n<h1>").Append(NotebookHtml.Encode(notebook.Name)).Append("</h1>\n");
        page.Append("<p class=\"summary\">").Append(NotebookHtml.Encode(Summary(runs))).Append("</p>\n</header>\n<main>\n");
        page.Append(content);
        page.Append("</main>\n</body>\n</html>\n");
        AtomicFile.WriteAllText(path, page.ToString());
    }

    static string Summary(IReadOnlyList<CellRun> runs)
    {
        var failed = runs.FirstOrDefault(r => !r.Result.Succeeded);
        string status = failed is null ? "all cells ran" : $"stopped at cell {failed.Cell}: {failed.Result.Error!.Name}";
        double seconds = runs.Sum(r => r.Result.Duration.TotalSeconds);
        return $"Executed by finetune run: {runs.Count} code cell(s) in {seconds:F1} s, {status}.";
    }

    static void AppendCell(StringBuilder html, NotebookCell cell)
    {
        html.Append($"<section class=\"cell {cell.Type}-cell\" id=\"cell-{cell.Number}\">\n");
        if (cell.Type == "markdown")
        {
            html.Append(Markdig.Markdown.ToHtml(cell.Source, Markdown));
        }
        else if (cell.IsCode)
        {
            string count = cell.ExecutionCount is { } n ? $"[{n}]" : "[ ]";
            html.Append($"<div class=\"code\"><div class=\"count\">{count}</div><pre class=\"source\"><code>")
                .Append(NotebookHtml.Encode(cell.Source)).Append("</code></pre></div>\n<div class=\"outputs\">\n");
            foreach (var output in cell.Outputs) html.Append("<div class=\"output\">").Append(Output(output)).Append("</div>\n");
            html.Append("</div>\n");
        }
        else
        {
            html.Append("<pre>").Append(NotebookHtml.Encode(cell.Source)).Append("</pre>\n");
        }
        html.Append("</section>\n");
    }

    static string Output(CellOutput output) => output switch
    {
        StreamOutput s => $"<pre class=\"{s.Name}\">{NotebookHtml.Encode(s.Text)}</pre>",
        DisplayOutput d => Bundle(d.Data),
        ResultOutput r => Bundle(r.Data),
        ErrorOutput e => $"<pre class=\"error\">{NotebookHtml.Encode(string.Join("\n", e.Traceback))}</pre>",
        _ => "",
    };

    static string Bundle(IReadOnlyDictionary<string, string> data) =>
        data.TryGetValue(ValueFormatter.Html, out var html) ? html
        : $"<pre>{NotebookHtml.Encode(data.GetValueOrDefault(ValueFormatter.PlainText, ""))}</pre>";
}
