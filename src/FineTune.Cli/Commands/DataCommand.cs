using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FineTune.Kernel.Data;

namespace FineTune.Cli.Commands;

/// <summary><c>finetune data inspect</c> and <c>finetune data validate</c>: a dataset's summary, and OpenAI's chat-data checks, on the console.</summary>
static class DataCommand
{
    static readonly JsonSerializerOptions JsonStyle = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Command Create()
    {
        var command = new Command("data", "Look at a dataset before training on it.");
        command.Subcommands.Add(Inspect());
        command.Subcommands.Add(Validate());
        return command;
    }

    static Command Inspect()
    {
        var file = new Argument<string>("file") { Description = "A .jsonl, .json, .csv, .tsv or .parquet file" };
        var tokenizer = new Option<string?>("--tokenizer") { Description = "A model folder or tokenizer preset (cl100k, o200k) to count tokens with" };
        var context = new Option<int?>("--context") { Description = "A context length in tokens: rows longer than it are listed (needs --tokenizer)" };
        var terms = new Option<string?>("--terms") { Description = "Comma-separated review terms to look for (whole words, any case)" };
        var threshold = new Option<double>("--near-threshold") { Description = "Jaccard similarity from which rows are near-duplicates", DefaultValueFactory = _ => 0.8 };
        var format = new Option<DatasetFormat?>("--format") { Description = "Read the rows as this format instead of detecting it" };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first bad record instead of skipping and listing it" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var command = new Command("inspect", "Summarise a dataset: format, sizes, lengths, tokens, labels, duplicates, private information.")
        {
            file, tokenizer, context, terms, threshold, format, strict, json,
        };
        command.SetAction(parse => ModelArguments.Run(parse, () =>
        {
            var data = Dataset.Load(parse.GetValue(file)!, parse.GetValue(format), strict: parse.GetValue(strict));
            var reviewTerms = parse.GetValue(terms)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            var summary = data.Describe(parse.GetValue(tokenizer), parse.GetValue(context), reviewTerms, parse.GetValue(threshold));
            parse.InvocationConfiguration.Output.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(Figures(summary), JsonStyle) : summary.ToString());
            return 0;
        }));
        return command;
    }

    static Command Validate()
    {
        var file = new Argument<string>("file") { Description = "A chat .jsonl file ({\"messages\": [...]} per line)" };
        var tokenizer = new Option<string>("--tokenizer") { Description = "Tokenizer preset or model folder to count tokens with", DefaultValueFactory = _ => "cl100k" };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Token limit per example", DefaultValueFactory = _ => 4096 };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs for the billing estimate (default: as OpenAI's cookbook picks)" };
        var command = new Command("validate", "Check chat fine-tuning data as OpenAI's cookbook does: format errors, token counts, billed tokens.")
        {
            file, tokenizer, maxTokens, epochs,
        };
        command.SetAction(parse => ModelArguments.Run(parse, () =>
        {
            var report = ChatDataValidator.ValidateFile(parse.GetValue(file)!, parse.GetValue(tokenizer)!, parse.GetValue(maxTokens), parse.GetValue(epochs));
            parse.InvocationConfiguration.Output.WriteLine(report.ToString());
            return report.IsValid ? 0 : 1;
        }));
        return command;
    }

    static object Figures(DatasetSummary s) => new
    {
        s.Name, s.Format, s.FormatName, s.Rows, s.Columns,
        Load = s.LoadReport is { } l ? new { l.File, l.FileKind, l.RecordsRead, l.RowsLoaded, l.BlankLines, l.FormatEvidence, Skipped = l.Skipped } : null,
        s.Findings, s.Fields, s.Characters, s.Words, s.Tokens, s.Tokenizer, s.ContextLength, s.OverContext,
        s.Labels, s.ImbalanceRatio, s.ExactDuplicates, s.NormalizedDuplicates, s.NearDuplicates, s.NearDuplicateThreshold,
        s.PrivateInfo, PrivateInfoCounts = s.PrivateInfoCounts.ToDictionary(c => c.Key.ToString(), c => c.Value), s.ReviewTerms, s.TermHits,
    };
}
