using System.CommandLine;
using System.Text.Json;
using FineTune.Kernel.Models;

namespace FineTune.Cli.Commands;

/// <summary><c>finetune generate</c>: continue a prompt, printing the text as it is produced.</summary>
static class GenerateCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        var prompt = new Option<string>("--prompt") { Description = "The text to continue", Required = true };
        var maxNewTokens = new Option<int>("--max-new-tokens") { Description = "Most tokens to generate", DefaultValueFactory = _ => 50 };
        var temperature = new Option<double>("--temperature") { Description = "0 = greedy (default); above 0 samples" };
        var topK = new Option<int>("--top-k") { Description = "Sample from the k most likely tokens (0 = off)" };
        var topP = new Option<double>("--top-p") { Description = "Sample from the smallest set reaching probability p (1 = off)", DefaultValueFactory = _ => 1 };
        var repetitionPenalty = new Option<double>("--repetition-penalty") { Description = "Above 1 discourages repeats", DefaultValueFactory = _ => 1 };
        var stop = new Option<string[]>("--stop") { Description = "Stop when the text contains this (repeatable)", AllowMultipleArgumentsPerToken = false };
        var seed = new Option<int?>("--seed") { Description = "Sampling seed (the same seed gives the same text)" };

        var command = new Command("generate", "Continue a prompt with a Hugging Face model folder.");
        model.AddTo(command);
        foreach (var option in new Option[] { prompt, maxNewTokens, temperature, topK, topP, repetitionPenalty, stop, seed })
            command.Options.Add(option);
        command.SetAction(parse => ModelArguments.Run(parse, () =>
        {
            var output = parse.InvocationConfiguration.Output;
            bool json = parse.GetValue(model.Json);
            var loaded = model.Load(parse);
            var result = loaded.Generate(parse.GetValue(prompt)!, new GenerationOptions
            {
                MaxNewTokens = parse.GetValue(maxNewTokens), Temperature = parse.GetValue(temperature),
                TopK = parse.GetValue(topK), TopP = parse.GetValue(topP), RepetitionPenalty = parse.GetValue(repetitionPenalty),
                StopStrings = parse.GetValue(stop) ?? [], Seed = parse.GetValue(seed),
                OnToken = json ? null : token => output.Write(token.Text),
            });
            if (json)
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    result.Prompt, result.Text, result.TokenIds, FinishReason = result.FinishReason.ToString(), result.Seed,
                }, ModelArguments.JsonStyle));
            else
                output.WriteLine();
            return 0;
        }));
        return command;
    }
}
