using System.CommandLine;
using System.Reflection;
using FineTune.Cli.Commands;

namespace FineTune.Cli;

/// <summary>The root of the <c>finetune</c> command line: one subcommand per workflow step.</summary>
static class FinetuneCommand
{
    /// <summary>The product version, from this assembly (not the host's entry assembly, which may be a test runner).</summary>
    public static string Version { get; } =
        typeof(FinetuneCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    public static RootCommand Create()
    {
        var root = new RootCommand("FineTune Notebooks: explore data, prompt, fine-tune and evaluate language models from .NET.");
        var version = root.Options.OfType<VersionOption>().Single();
        version.Action = new PrintVersion();
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(TokenizeCommand.Create());
        root.Subcommands.Add(ChatTemplateCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(PerplexityCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(DataCommand.Create());
        root.Subcommands.Add(PretrainCommand.Create());
        return root;
    }

    sealed class PrintVersion : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return 0;
        }
    }
}
