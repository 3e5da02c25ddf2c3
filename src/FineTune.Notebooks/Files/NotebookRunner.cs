using FineTune.Notebooks.Session;

namespace FineTune.Notebooks.Files;

/// <summary>Where a run is: a cell about to start (<see cref="Result"/> null) or just finished.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="Cell">The cell's 1-based number in the notebook.</param>
/// <param name="Index">How many code cells came before it, plus one.</param>
/// <param name="CodeCells">How many code cells the notebook has.</param>
/// <param name="Result">The cell's result once it finished.</param>
public sealed record CellProgress(string Notebook, int Cell, int Index, int CodeCells, CellResult? Result);

/// <summary>A code cell that ran, with its 1-based number in the notebook and first line of code.</summary>
public sealed record CellRun(int Cell, string FirstLine, CellResult Result);

/// <summary>The outcome of running one notebook file.</summary>
/// <param name="Notebook">The notebook that was run.</param>
/// <param name="ExecutedNotebook">The executed .ipynb written (outputs filled in).</param>
/// <param name="HtmlPage">The self-contained HTML page written.</param>
/// <param name="Cells">The code cells that ran, in order (up to and including a failing one).</param>
public sealed record NotebookRun(string Notebook, string ExecutedNotebook, string HtmlPage, IReadOnlyList<CellRun> Cells)
{
    /// <summary>The cell that failed and stopped the run, or null.</summary>
    public CellRun? Failed => Cells.FirstOrDefault(c => !c.Result.Succeeded);

    /// <summary>True when every code cell ran without error.</summary>
    public bool Succeeded => Failed is null;

    /// <summary>The time all cells took.</summary>
    public TimeSpan Duration => TimeSpan.FromTicks(Cells.Sum(c => c.Result.Duration.Ticks));
}

/// <summary>
/// Runs an .ipynb file headless: its C# cells in order in one <see cref="NotebookSession"/> (in the
/// notebook's folder), stopping at the first cell that fails, then writes the executed notebook and an
/// HTML page of it into the output folder, also when a cell failed.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs <paramref name="notebookPath"/> and writes <c>&lt;name&gt;.ipynb</c> and <c>&lt;name&gt;.html</c> into <paramref name="outputFolder"/>.</summary>
    public static async Task<NotebookRun> RunAsync(string notebookPath, string outputFolder, Action<CellProgress>? progress = null)
    {
        var notebook = NotebookDocument.Load(notebookPath);
        var codeCells = notebook.Cells.Where(c => c.IsCode).ToList();
        var runs = new List<CellRun>();
        string fileName = Path.GetFileName(notebookPath);
        using (var session = new NotebookSession(Path.GetDirectoryName(Path.GetFullPath(notebookPath))!, notebook.Name))
        {
            foreach (var (cell, index) in codeCells.Select((c, i) => (c, i + 1)))
            {
                progress?.Invoke(new CellProgress(fileName, cell.Number, index, codeCells.Count, null));
                var result = cell.Language is "csharp" or "C#" or "c#"
                    ? await session.RunCellAsync(cell.Source, $"{fileName} cell {cell.Number}")
                    : NotCSharp(cell);
                cell.SetOutputs(Count(result), result.Outputs);
                runs.Add(new CellRun(cell.Number, FirstLine(cell.Source), result));
                progress?.Invoke(new CellProgress(fileName, cell.Number, index, codeCells.Count, result));
                if (!result.Succeeded) break;
            }
        }
        // Outputs are live: a later cell may have updated an earlier cell's display, so set them again.
        foreach (var (cell, run) in codeCells.Zip(runs)) cell.SetOutputs(Count(run.Result), run.Result.Outputs.ToList());

        Directory.CreateDirectory(outputFolder);
        string executed = Path.Combine(outputFolder, notebook.Name + ".ipynb");
        string page = Path.Combine(outputFolder, notebook.Name + ".html");
        notebook.Save(executed);
        HtmlPage.Write(notebook, runs, page);
        return new NotebookRun(notebookPath, executed, page, runs);
    }

    static CellResult NotCSharp(NotebookCell cell)
    {
        string message = $"cell {cell.Number} is a '{cell.Language}' cell: finetune run executes C# cells only.";
        var error = new ErrorOutput("DirectiveError", message, 1, [message]);
        return new CellResult(0, [error], TimeSpan.Zero, error);
    }

    static int? Count(CellResult result) => result.ExecutionCount > 0 ? result.ExecutionCount : null;

    static string FirstLine(string source) =>
        source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
