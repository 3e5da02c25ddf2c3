using FineTune.Cli;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Notebooks;

[Collection("notebook sessions")]
public sealed class RunCommandTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    (int Exit, string Output) Finetune(params string[] args)
    {
        var output = new StringWriter();
        int exit = FinetuneCommand.Create().Parse(args).Invoke(new() { Output = output });
        return (exit, output.ToString());
    }

    [Fact]
    public void A_notebook_with_a_throwing_cell_exits_non_zero_and_the_console_names_notebook_cell_and_line()
    {
        string notebook = NotebookFiles.Write(folder.Path, "broken", "# Intro", "var a = 1;", "\nthrow new ArgumentException(\"bad row\");");

        var (exit, output) = Finetune("run", notebook, "--out", Path.Combine(folder.Path, "out"));

        Assert.Equal(1, exit);
        Assert.Contains("broken.ipynb: cell 3, line 2 failed: System.ArgumentException: bad row", output);
        Assert.True(File.Exists(Path.Combine(folder.Path, "out", "broken.ipynb")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "out", "broken.html")));
    }

    [Fact]
    public void A_folder_runs_every_notebook_in_it_reports_each_cell_and_exits_zero()
    {
        NotebookFiles.Write(folder.Path, "a", "Console.WriteLine(1);");
        NotebookFiles.Write(folder.Path, "b", "1 + 1", "2 + 2");
        string output = Path.Combine(folder.Path, "out");

        var (exit, console) = Finetune("run", folder.Path, "--out", output);

        Assert.True(exit == 0, console);
        Assert.Contains("a.ipynb: 1 code cells", console);
        Assert.Contains("[2/2] cell 2 ok", console);
        Assert.Contains("2 of 2 notebooks ran without error.", console);
        Assert.Contains($"HTML page:         {Path.Combine(output, "b.html")}", console);
        Assert.Equal(["a.html", "a.ipynb", "b.html", "b.ipynb"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_path_that_is_not_a_notebook_exits_2_naming_it()
    {
        var (exit, output) = Finetune("run", Path.Combine(folder.Path, "missing.ipynb"));

        Assert.Equal(2, exit);
        Assert.Contains("missing.ipynb is neither an .ipynb file nor a folder", output);
    }
}
