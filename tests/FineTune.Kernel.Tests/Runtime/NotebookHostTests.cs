using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Runtime;

public class NotebookHostTests
{
    [Fact]
    public void A_host_that_only_references_the_built_library_can_use_TorchSharp()
    {
        string probe = Path.Combine(RepoPaths.BuildOutput("tests", "FineTune.HostProbe"), "FineTune.HostProbe.dll");
        string kernel = Path.Combine(RepoPaths.BuildOutput("src", "FineTune.Kernel"), "FineTune.Kernel.dll");

        var result = ProcessResult.RunDotnet([probe, kernel]);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.StartsWith("2.10.0.0", result.Output);
        Assert.Contains("loaded", result.Output);
    }
}
