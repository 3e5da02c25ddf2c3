using System.Text.Json.Nodes;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Notebooks;

/// <summary>Every notebook in notebooks/ runs headless through the finetune command, as a user would run it (see <see cref="NotebookRuns"/>).</summary>
public class EveryNotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepoPaths.Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_notebook_runs_headless_without_error_and_its_executed_copy_is_valid_nbformat(string notebook)
    {
        var (result, folder) = NotebookRuns.Headless(notebook);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        string executed = Path.Combine(folder, notebook);
        Assert.All(NotebookFiles.CodeCells(executed), cell => Assert.NotNull(cell["execution_count"]));
        if (NotebookFiles.Schema() is { } schema)
        {
            var errors = schema.Validate(JsonNode.Parse(File.ReadAllText(executed)));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }
}
