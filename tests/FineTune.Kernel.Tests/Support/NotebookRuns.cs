using System.Collections.Concurrent;

namespace FineTune.Kernel.Tests.Support;

/// <summary>
/// Each notebook in notebooks/ run headless once per test process, through the finetune command as a
/// user runs it, into artifacts/tests/notebooks/ (kept, to look at); tests that check a notebook's
/// output share the run.
/// </summary>
static class NotebookRuns
{
    static readonly ConcurrentDictionary<string, Lazy<(ProcessResult Result, string Folder)>> Runs = new();

    public static (ProcessResult Result, string Folder) Headless(string notebook) =>
        Runs.GetOrAdd(notebook, name => new Lazy<(ProcessResult, string)>(() => Run(name))).Value;

    static (ProcessResult, string) Run(string notebook)
    {
        string folder = Path.Combine(RepoPaths.Root, "artifacts", "tests", "notebooks");
        Directory.CreateDirectory(folder);
        string cli = Path.Combine(RepoPaths.BuildOutput("src", "FineTune.Cli"), "finetune.dll");
        var result = ProcessResult.RunDotnet([cli, "run", Path.Combine("notebooks", notebook), "--out", folder], timeout: TimeSpan.FromMinutes(10));
        return (result, folder);
    }
}
