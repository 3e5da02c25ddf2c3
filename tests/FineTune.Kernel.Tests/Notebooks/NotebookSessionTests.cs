using FineTune.Kernel.Notebook;
using FineTune.Kernel.Tests.Support;
using FineTune.Notebooks.Session;

namespace FineTune.Kernel.Tests.Notebooks;

/// <summary>Sessions change the process's working directory, so these run one at a time.</summary>
[CollectionDefinition("notebook sessions", DisableParallelization = true)]
public class NotebookSessionCollection;

[Collection("notebook sessions")]
public sealed class NotebookSessionTests : IDisposable
{
    readonly TempFolder folder = new();
    readonly NotebookSession session;

    public NotebookSessionTests() => session = new NotebookSession(folder.Path, "test");

    public void Dispose()
    {
        session.Dispose();
        folder.Dispose();
    }

    Task<CellResult> Run(string code) => session.RunCellAsync(code);

    static string Plain(CellOutput output) => output switch
    {
        DisplayOutput d => d.Data["text/plain"],
        ResultOutput r => r.Data["text/plain"],
        StreamOutput s => s.Text,
        _ => output.ToString()!,
    };

    string KernelDllFromNotebookFolder() =>
        Path.GetRelativePath(folder.Path, Path.Combine(RepoPaths.BuildOutput("src", "FineTune.Kernel"), "FineTune.Kernel.dll"));

    [Fact]
    public async Task Cells_share_one_continuing_script_state()
    {
        await Run("var total = 40;\nint Twice(int x) => 2 * x;");
        var result = await Run("Twice(total / 2) + 2");

        Assert.True(result.Succeeded);
        Assert.Equal("42", Plain(Assert.Single(result.Outputs)));
        Assert.Equal(2, result.ExecutionCount);
    }

    [Fact]
    public async Task Stdout_and_stderr_become_stream_outputs_with_consecutive_writes_merged()
    {
        var result = await Run("Console.Write(\"a\"); Console.WriteLine(\"b\"); Console.Error.WriteLine(\"oops\");");

        Assert.Equal([new StreamOutput("stdout", "ab\n"), new StreamOutput("stderr", "oops\n")], result.Outputs);
    }

    [Fact]
    public async Task A_cell_ending_in_a_statement_has_no_result()
    {
        var result = await Run("var x = 1;");

        Assert.Empty(result.Outputs);
    }

    [Fact]
    public async Task A_trailing_record_sequence_becomes_an_html_table_result()
    {
        var result = await Run("record Row(string Name, int Count);\nnew[] { new Row(\"a\", 1), new Row(\"b\", 2) }");

        var value = Assert.IsType<ResultOutput>(Assert.Single(result.Outputs));
        Assert.Contains("<th>Name</th><th>Count</th>", value.Data["text/html"]);
    }

    [Fact]
    public async Task Other_values_are_formatted_by_the_dotnet_interactive_formatter()
    {
        var result = await Run("new Dictionary<string, int> { [\"a\"] = 1 }");

        var value = Assert.IsType<ResultOutput>(Assert.Single(result.Outputs));
        Assert.Contains("<table>", value.Data["text/html"]);
        Assert.Contains("dni-", value.Data["text/html"]);
    }

    [Fact]
    public async Task A_display_updated_in_a_later_cell_is_replaced_where_it_was_shown()
    {
        var first = await Run($"#r \"{KernelDllFromNotebookFolder()}\"\nusing FineTune.Kernel.Notebook;\nvar bar = new Progress(0, 3).Show();");
        await Run("for (int i = 1; i <= 3; i++) bar.Update(new Progress(i, 3));");

        var shown = Assert.IsType<DisplayOutput>(Assert.Single(first.Outputs));
        Assert.Equal(new Progress(3, 3).ToString(), shown.Data["text/plain"]);
        Assert.Equal(new Progress(3, 3).ToHtml(), shown.Data["text/html"]);
    }

    [Fact]
    public async Task The_library_referenced_by_path_binds_to_the_runners_own_copy()
    {
        var result = await Run($"#r \"{KernelDllFromNotebookFolder()}\"\ntypeof(FineTune.Kernel.Notebook.Display).Assembly == AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == \"FineTune.Kernel\")");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("True", Plain(Assert.Single(result.Outputs)));
        Assert.Same(typeof(Display).Assembly, AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "FineTune.Kernel"));
    }

    [Fact]
    public async Task The_polyglot_first_cell_wiring_runs_and_shown_values_reach_the_cell()
    {
        var result = await Run($"#r \"{KernelDllFromNotebookFolder()}\"\nusing FineTune.Kernel.Notebook;\nDisplay.Use(v => display(v));\n\"hello\".Show();");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("hello", Plain(Assert.Single(result.Outputs)));
    }

    [Fact]
    public async Task Display_returns_a_handle_that_updates_in_place()
    {
        var result = await Run("var d = display(1);\nd.Update(2);");

        Assert.Equal("2", Plain(Assert.Single(result.Outputs)));
    }

    [Fact]
    public async Task A_runtime_exception_is_an_error_output_with_type_message_and_line()
    {
        var result = await Run("var x = 1;\n\nthrow new InvalidOperationException(\"bad data\");");

        var error = Assert.IsType<ErrorOutput>(result.Error);
        Assert.Equal("System.InvalidOperationException", error.Name);
        Assert.Equal("bad data", error.Message);
        Assert.Equal(3, error.Line);
        Assert.Same(error, result.Outputs[^1]);
    }

    [Fact]
    public async Task An_exception_thrown_inside_a_method_of_the_cell_names_the_innermost_cell_line()
    {
        var result = await Run("int Parse(string s) => int.Parse(s);\nvar ok = Parse(\"1\");\nvar bad = Parse(\"x\");");

        Assert.Equal("System.FormatException", result.Error!.Name);
        Assert.Equal(1, result.Error.Line); // inside Parse, where int.Parse threw
    }

    [Fact]
    public async Task A_compile_error_is_reported_with_the_csharp_diagnostics_and_line()
    {
        var result = await Run("var a = 1;\nvar b = missing + 1;");

        var error = Assert.IsType<ErrorOutput>(result.Error);
        Assert.Equal("CompilationError", error.Name);
        Assert.Equal(2, error.Line);
        Assert.Contains("(2,9): error CS0103: The name 'missing' does not exist in the current context", error.Message);
    }

    [Fact]
    public async Task A_failed_cell_leaves_the_earlier_state_usable()
    {
        await Run("var kept = 5;");
        await Run("var broken = ;");
        var result = await Run("kept");

        Assert.Equal("5", Plain(Assert.Single(result.Outputs)));
    }

    [Fact]
    public async Task Cells_run_in_the_notebook_folder()
    {
        await Run("File.WriteAllText(\"written.txt\", \"here\");".Replace("File.", "System.IO.File."));

        Assert.Equal("here", File.ReadAllText(Path.Combine(folder.Path, "written.txt")));
    }

    [Fact]
    public async Task A_nuget_reference_to_a_package_the_runner_carries_is_satisfied_from_it()
    {
        var result = await Run("#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n#i \"nuget: https://example.invalid/feed\"\nPlotly.NET.CSharp.Chart.Line<int, int, string>(x: new[] { 1, 2 }, y: new[] { 3, 4 })");

        Assert.True(result.Succeeded, result.Error?.Message);
        var value = Assert.IsType<ResultOutput>(Assert.Single(result.Outputs));
        Assert.Contains("finetune-chart", value.Data["text/html"]);
    }

    [Fact]
    public async Task A_trailing_dataframe_becomes_a_table_of_its_first_rows_and_shape()
    {
        var result = await Run("#r \"nuget: Microsoft.Data.Analysis\"\nusing Microsoft.Data.Analysis;\nnew DataFrame(new PrimitiveDataFrameColumn<int>(\"n\", Enumerable.Range(0, 30)))");

        Assert.True(result.Succeeded, result.Error?.Message);
        var value = Assert.IsType<ResultOutput>(Assert.Single(result.Outputs));
        Assert.Contains("<th>n</th>", value.Data["text/html"]);
        Assert.Contains("30 rows, 1 column, showing the first 20", value.Data["text/html"]);
    }

    [Fact]
    public async Task A_nuget_reference_to_a_package_the_runner_lacks_fails_naming_the_line()
    {
        var result = await Run("// load\n#r \"nuget: Newtonsoft.Jsonish, 13.0.1\"");

        Assert.Equal("DirectiveError", result.Error!.Name);
        Assert.Equal(2, result.Error.Line);
        Assert.Contains("Newtonsoft.Jsonish is not one of the runner's own packages", result.Error.Message);
    }

    [Fact]
    public async Task A_nuget_reference_to_another_version_fails_saying_which_version_the_runner_has()
    {
        var result = await Run("#r \"nuget: Plotly.NET, 5.0.0\"");

        Assert.Contains("the runner carries Plotly.NET 6.0.0, not 5.0.0", result.Error!.Message);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", 1, "'#!fsharp'")]
    [InlineData("var x = 1;\n#!whos", 2, "'#!whos'")]
    public async Task Other_languages_and_unknown_magics_fail_naming_the_line(string code, int line, string named)
    {
        var result = await Run(code);

        Assert.Equal("DirectiveError", result.Error!.Name);
        Assert.Equal(line, result.Error.Line);
        Assert.Contains(named, result.Error.Message);
    }

    [Fact]
    public async Task Csharp_and_time_magics_are_honoured()
    {
        var result = await Run("#!csharp\n#!time\nvar x = 1;");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.StartsWith("Wall time: ", Plain(Assert.Single(result.Outputs)));
    }
}
