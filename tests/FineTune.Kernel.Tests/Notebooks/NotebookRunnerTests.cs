using System.Text.Json.Nodes;
using FineTune.Kernel.Tests.Support;
using FineTune.Notebooks.Files;

namespace FineTune.Kernel.Tests.Notebooks;

[Collection("notebook sessions")]
public sealed class NotebookRunnerTests : IDisposable
{
    readonly TempFolder folder = new();
    string Out => Path.Combine(folder.Path, "out");

    public void Dispose() => folder.Dispose();

    static string Text(JsonNode? multiline) => multiline is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : multiline!.GetValue<string>();

    [SkippableFact]
    public async Task The_executed_notebook_is_valid_nbformat_4_5_with_every_kind_of_output()
    {
        var schema = NotebookFiles.Schema();
        Skip.If(schema is null, "../shared/fixtures/nbformat is not on this machine");
        string notebook = NotebookFiles.Write(folder.Path, "kinds",
            "# Title",
            "Console.WriteLine(\"out\"); Console.Error.WriteLine(\"err\");",
            "display(\"shown\");\n1 + 1",
            "throw new Exception(\"stop\");");

        var run = await NotebookRunner.RunAsync(notebook, Out);

        var errors = schema!.Validate(JsonNode.Parse(File.ReadAllText(run.ExecutedNotebook)));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var kinds = NotebookFiles.CodeCells(run.ExecutedNotebook).SelectMany(c => c["outputs"]!.AsArray()).Select(o => o!["output_type"]!.GetValue<string>());
        Assert.Equal(["stream", "stream", "display_data", "execute_result", "error"], kinds);
    }

    [SkippableFact]
    public void The_schema_validator_rejects_what_nbformat_4_5_forbids()
    {
        var schema = NotebookFiles.Schema();
        Skip.If(schema is null, "../shared/fixtures/nbformat is not on this machine");
        var notebook = JsonNode.Parse("""
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
             "cells": [{"cell_type": "code", "id": "bad id!", "metadata": {}, "source": "1", "execution_count": null,
                        "outputs": [{"output_type": "display_data", "data": {}, "metadata": {}, "transient": {}}]},
                       {"cell_type": "markdown", "metadata": {}, "source": "no id"}]}
            """);

        var errors = schema!.Validate(notebook);

        Assert.Contains(errors, e => e.Contains("\"bad id!\" does not match"));
        Assert.Contains(errors, e => e.Contains("matches 0 of the oneOf branches")); // the output with "transient", the cell without id
    }

    [Fact]
    public async Task Metadata_is_kept_and_the_kernelspec_is_dotnet_csharp()
    {
        string notebook = NotebookFiles.Write(folder.Path, "meta", "1");

        var run = await NotebookRunner.RunAsync(notebook, Out);

        var saved = JsonNode.Parse(File.ReadAllText(run.ExecutedNotebook))!;
        Assert.True(saved["metadata"]!["custom"]!["kept"]!.GetValue<bool>());
        Assert.Equal(".net-csharp", saved["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal(5, saved["nbformat_minor"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_failing_cell_stops_the_run_and_the_partial_notebook_and_page_are_still_written()
    {
        string notebook = NotebookFiles.Write(folder.Path, "fails",
            "var ok = 1;",
            "var x = 2;\nthrow new InvalidOperationException(\"no data\");",
            "Console.WriteLine(\"never\");");

        var run = await NotebookRunner.RunAsync(notebook, Out);

        Assert.False(run.Succeeded);
        Assert.Equal(2, run.Failed!.Cell);
        Assert.Equal(2, run.Cells.Count);
        var cells = NotebookFiles.CodeCells(run.ExecutedNotebook);
        var error = cells[1]["outputs"]!.AsArray().Single()!;
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.Equal("System.InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.Equal("no data", error["evalue"]!.GetValue<string>());
        Assert.Equal("fails.ipynb cell 2, line 2: System.InvalidOperationException: no data", error["traceback"]![0]!.GetValue<string>());
        Assert.Null(cells[2]["execution_count"]);
        Assert.Empty(cells[2]["outputs"]!.AsArray());
        Assert.Contains("stopped at cell 2: System.InvalidOperationException", File.ReadAllText(run.HtmlPage));
    }

    [Fact]
    public async Task A_compile_error_is_written_as_an_error_output_with_the_diagnostics()
    {
        string notebook = NotebookFiles.Write(folder.Path, "typo", "var n = 1;\nvar m = n +;");

        var run = await NotebookRunner.RunAsync(notebook, Out);

        var error = NotebookFiles.CodeCells(run.ExecutedNotebook)[0]["outputs"]!.AsArray().Single()!;
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        Assert.Contains("(2,12): error CS1525: Invalid expression term ';'", error["evalue"]!.GetValue<string>());
        Assert.Equal(2, run.Failed!.Result.Error!.Line);
    }

    [Fact]
    public async Task A_cell_in_another_language_fails_naming_the_cell()
    {
        string notebook = NotebookFiles.Write(folder.Path, "fsharp", "1");
        var json = JsonNode.Parse(File.ReadAllText(notebook))!;
        json["cells"]![0]!["metadata"]!["polyglot_notebook"]!["kernelName"] = "fsharp";
        File.WriteAllText(notebook, json.ToJsonString());

        var run = await NotebookRunner.RunAsync(notebook, Out);

        Assert.Contains("cell 1 is a 'fsharp' cell: finetune run executes C# cells only", run.Failed!.Result.Error!.Message);
    }

    [Fact]
    public async Task A_display_updated_by_a_later_cell_is_saved_with_its_last_value()
    {
        string notebook = NotebookFiles.Write(folder.Path, "update", "var d = display(\"0%\");", "d.Update(\"100%\");");

        var run = await NotebookRunner.RunAsync(notebook, Out);

        var shown = NotebookFiles.CodeCells(run.ExecutedNotebook)[0]["outputs"]!.AsArray().Single()!;
        Assert.Equal("100%", Text(shown["data"]!["text/plain"]));
        Assert.Empty(NotebookFiles.CodeCells(run.ExecutedNotebook)[1]["outputs"]!.AsArray());
    }

    [Fact]
    public async Task The_page_renders_markdown_code_and_outputs_and_sets_its_charset_first()
    {
        string notebook = NotebookFiles.Write(folder.Path, "page", "# Hello *there*", "Console.WriteLine(\"a < b\");");

        var run = await NotebookRunner.RunAsync(notebook, Out);

        string page = File.ReadAllText(run.HtmlPage);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", page);
        Assert.Contains("<h1 id=\"hello-there\">Hello <em>there</em></h1>", page);
        Assert.Contains("Console.WriteLine(&quot;a &lt; b&quot;);", page);
        Assert.Contains("<pre class=\"stdout\">a &lt; b\n</pre>", page);
        Assert.DoesNotContain("plotly.js v", page); // no chart, no 3.6 MB library
    }

    [Fact]
    public async Task A_page_with_charts_embeds_plotly_js_once_and_loads_no_script_from_the_network()
    {
        string notebook = NotebookFiles.Write(folder.Path, "charts",
            $"#r \"{Path.Combine(RepoPaths.BuildOutput("src", "FineTune.Kernel"), "FineTune.Kernel.dll")}\"\nusing FineTune.Kernel.Notebook;\nCharts.Line([1.0, 2.0])",
            "Charts.Histogram([1.0, 2.0, 2.0])");

        var run = await NotebookRunner.RunAsync(notebook, Out);

        Assert.True(run.Succeeded, run.Failed?.Result.Error?.Message);
        string page = File.ReadAllText(run.HtmlPage);
        Assert.Equal(1, page.Split("plotly.js v2.28.0").Length - 1);
        Assert.DoesNotContain("<script src=", page);
        Assert.Equal(2, page.Split("class=\"finetune-chart\"").Length - 1);
    }

    [Fact]
    public async Task A_file_that_is_not_a_notebook_is_rejected_naming_it()
    {
        string path = Path.Combine(folder.Path, "broken.ipynb");
        File.WriteAllText(path, "{ \"cells\": [ }");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => NotebookRunner.RunAsync(path, Out));

        Assert.Contains("broken.ipynb: not valid JSON (line 1)", error.Message);
    }
}
