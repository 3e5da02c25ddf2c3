using System.CommandLine;
using System.Text.Json;
using FineTune.Kernel.Data;
using FineTune.Kernel.Evaluation;

namespace FineTune.Cli.Commands;

/// <summary><c>finetune eval</c>: a model's exact match (instruction data) or accuracy (labelled text) on a dataset.</summary>
static class EvalCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        var data = new Option<string>("--data") { Description = "A dataset file: instruction rows are scored by exact match, labelled text by accuracy", Required = true };
        var template = new Option<string?>("--template") { Description = "The prompt template, fields in braces (default: Alpaca for instructions, \"{text}\\nLabel:\" for labels)" };
        var maxNewTokens = new Option<int>("--max-new-tokens") { Description = "Most tokens to generate per answer (exact match)", DefaultValueFactory = _ => 16 };
        var command = new Command("eval", "Score a model on a dataset: exact match of greedy answers, or multiple-choice accuracy over the labels.");
        model.AddTo(command);
        foreach (var option in new Option[] { data, template, maxNewTokens }) command.Options.Add(option);
        command.SetAction(parse => ModelArguments.Run(parse, () =>
        {
            var dataset = Dataset.Load(parse.GetValue(data)!, strict: true);
            using var lm = model.Load(parse);
            var result = dataset.Format == DatasetFormat.LabelledText
                ? MultipleChoice.Evaluate(lm, dataset, parse.GetValue(template) ?? MultipleChoice.LabelTemplate)
                : ExactMatch.Evaluate(lm, dataset, parse.GetValue(template), parse.GetValue(maxNewTokens));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(model.Json))
                output.WriteLine(JsonSerializer.Serialize(new { result.Dataset, result.Metric, result.Score, result.Correct, result.Count, result.Template, result.ByGroup }, ModelArguments.JsonStyle));
            else output.WriteLine(result);
            return 0;
        }));
        return command;
    }
}
