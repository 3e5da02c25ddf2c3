using FineTune.Cli;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Cli;

public class CliTests
{
    [Fact]
    public void Version_prints_the_product_version()
    {
        var output = new StringWriter();
        int exit = FinetuneCommand.Create().Parse(["--version"]).Invoke(new() { Output = output });

        Assert.Equal(0, exit);
        Assert.Equal("0.1.0", output.ToString().Trim());
    }

    [Fact]
    public void Help_lists_the_commands()
    {
        var output = new StringWriter();
        int exit = FinetuneCommand.Create().Parse(["--help"]).Invoke(new() { Output = output });

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output.ToString());
        Assert.Contains("info", output.ToString());
    }

    [Fact]
    public void The_finetune_process_loads_TorchSharp()
    {
        string cli = Path.Combine(RepoPaths.BuildOutput("src", "FineTune.Cli"), "finetune.dll");
        var result = ProcessResult.RunDotnet([cli, "info"]);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("libtorch        2.10.0.0", result.Output);
    }
}
