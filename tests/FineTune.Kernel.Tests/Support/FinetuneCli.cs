using FineTune.Cli;

namespace FineTune.Kernel.Tests.Support;

/// <summary>Runs the <c>finetune</c> command line in-process and captures what it prints.</summary>
static class FinetuneCli
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = FinetuneCommand.Create().Parse(args).Invoke(new() { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
