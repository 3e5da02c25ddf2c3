using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace FineTune.Cli.Commands;

/// <summary><c>finetune score</c>: the log-likelihood of a continuation after a context (lm-evaluation-harness's rules).</summary>
static class ScoreCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        var context = new Option<string>("--context") { Description = "The text before the continuation", Required = true };
        var continuation = new Option<string>("--continuation") { Description = "The text whose log-likelihood is computed", Required = true };

        var command = new Command("score", "Log-likelihood of a continuation given a context, as lm-evaluation-harness computes it.");
        model.AddTo(command);
        command.Options.Add(context);
        command.Options.Add(continuation);
        command.SetAction(parse => ModelArguments.Run(parse, () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var score = model.Load(parse).Score(parse.GetValue(context)!, parse.GetValue(continuation)!);
            if (parse.GetValue(model.Json))
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    score.Context, score.Continuation, score.LogLikelihood, score.IsGreedy,
                    score.ContextTokenIds, score.ContinuationTokenIds, score.TokenLogProbs,
                }, ModelArguments.JsonStyle));
            else
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"log-likelihood {score.LogLikelihood:F6}\ntokens         {score.ContinuationTokenIds.Count}\ngreedy         {(score.IsGreedy ? "yes" : "no")}"));
            return 0;
        }));
        return command;
    }
}
