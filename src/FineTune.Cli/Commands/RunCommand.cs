using System.CommandLine;
using FineTune.Notebooks.Files;
using Spectre.Console;

namespace FineTune.Cli.Commands;

/// <summary>
/// <c>finetune run &lt;notebook.ipynb | folder&gt; [--out DIR]</c>: executes notebooks headless and writes
/// each executed notebook and its HTML page. Exit code 0 when every cell of every notebook ran,
/// 1 when a cell failed, 2 when the input is not a notebook or folder of notebooks.
/// </summary>
static class RunCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("notebook") { Description = "An .ipynb file, or a folder whose .ipynb files run one after another." };
        var output = new Option<string>("--out") { Description = "Folder for the executed notebooks and HTML pages.", DefaultValueFactory = _ => Path.Combine("artifacts", "notebooks") };
        var command = new Command("run", "Execute notebooks headless; write the executed .ipynb and a self-contained HTML page of each.") { path, output };
        command.SetAction(async (parse, _) =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(writer),
                Ansi = ReferenceEquals(writer, Console.Out) ? AnsiSupport.Detect : AnsiSupport.No, // colours only on a terminal
            });
            if (!ReferenceEquals(writer, Console.Out) || Console.IsOutputRedirected) console.Profile.Width = 500; // logs: never wrap a path or an error
            return await RunAsync(parse.GetValue(path)!, parse.GetValue(output)!, console);
        });
        return command;
    }

    static async Task<int> RunAsync(string path, string outputFolder, IAnsiConsole console)
    {
        string[] notebooks;
        if (Directory.Exists(path)) notebooks = Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
        else if (File.Exists(path) && path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)) notebooks = [path];
        else
        {
            console.MarkupLineInterpolated($"[red]error:[/] {path} is neither an .ipynb file nor a folder.");
            return 2;
        }
        if (notebooks.Length == 0)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {path} holds no .ipynb files.");
            return 2;
        }

        int failed = 0;
        foreach (var notebook in notebooks)
        {
            NotebookRun run;
            try
            {
                run = await NotebookRunner.RunAsync(notebook, outputFolder, p => Report(console, p));
            }
            catch (InvalidDataException e)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return 2;
            }
            Summarize(console, run);
            if (!run.Succeeded) failed++;
        }
        if (notebooks.Length > 1)
            console.MarkupLineInterpolated($"{notebooks.Length - failed} of {notebooks.Length} notebooks ran without error.");
        return failed == 0 ? 0 : 1;
    }

    static void Report(IAnsiConsole console, CellProgress progress)
    {
        if (progress.Result is not { } result)
        {
            if (progress.Index == 1) console.MarkupLineInterpolated($"[bold]{progress.Notebook}[/]: {progress.CodeCells} code cells");
            return;
        }
        string status = result.Succeeded ? "[green]ok[/]" : "[red]failed[/]";
        console.MarkupLine($"  [[{progress.Index}/{progress.CodeCells}]] cell {progress.Cell} {status} {Seconds(result.Duration)}");
    }

    static void Summarize(IAnsiConsole console, NotebookRun run)
    {
        var table = new Table().AddColumns("cell", "code", "time", "status");
        foreach (var cell in run.Cells)
            table.AddRow(
                cell.Cell.ToString(),
                Markup.Escape(cell.FirstLine.Length > 40 ? cell.FirstLine[..37] + "..." : cell.FirstLine),
                Seconds(cell.Result.Duration),
                cell.Result.Succeeded ? "[green]ok[/]" : "[red]failed[/]");
        console.Write(table);
        if (run.Failed is { } failed)
        {
            var error = failed.Result.Error!;
            string line = error.Line is { } n ? $", line {n}" : "";
            console.MarkupLineInterpolated($"[red]{run.Notebook}: cell {failed.Cell}{line} failed[/]: {error.Name}: {error.Message}");
        }
        else
        {
            console.MarkupLineInterpolated($"[green]{run.Notebook}: {run.Cells.Count} cells ran in {Seconds(run.Duration)}[/]");
        }
        console.MarkupLineInterpolated($"executed notebook: {run.ExecutedNotebook}");
        console.MarkupLineInterpolated($"HTML page:         {run.HtmlPage}");
    }

    static string Seconds(TimeSpan duration) => $"{duration.TotalSeconds:F2} s";
}
