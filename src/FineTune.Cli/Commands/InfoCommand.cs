using System.CommandLine;
using FineTune.Kernel.Runtime;

namespace FineTune.Cli.Commands;

/// <summary><c>finetune info</c>: what TorchSharp runs on, and whether its native library loaded.</summary>
static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Show the TorchSharp and libtorch versions, threads, CUDA, and the native-library fix status.");
        command.SetAction(parse =>
        {
            var info = TorchInfo.Current();
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"TorchSharp      {info.TorchSharpVersion}");
            output.WriteLine($"libtorch        {info.LibTorchVersion}");
            output.WriteLine($"threads         {info.Threads}");
            output.WriteLine($"cuda available  {info.CudaAvailable}");
            output.WriteLine($"native library  {info.NativeStatus}");
            return 0;
        });
        return command;
    }
}
