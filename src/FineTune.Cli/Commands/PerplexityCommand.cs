using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FineTune.Kernel.Training;

namespace FineTune.Cli.Commands;

/// <summary><c>finetune perplexity</c>: sliding-window perplexity of a text file or a JSONL dataset.</summary>
static class PerplexityCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        var data = new Option<string>("--data") { Description = "A text file, or a .jsonl file with one {\"text\": ...} object per line", Required = true };
        var field = new Option<string>("--field") { Description = "The JSONL field holding the text", DefaultValueFactory = _ => "text" };
        var maxLength = new Option<int?>("--max-length") { Description = "Tokens per window (default: the model's max positions)" };
        var stride = new Option<int?>("--stride") { Description = "How far each window advances (default: half a window)" };
        var documents = new Option<bool>("--documents") { Description = "Treat the text file as documents separated by blank lines, packed with one end-of-text token between them, as finetune pretrain trains" };

        var command = new Command("perplexity", "Perplexity of a text or dataset, with sliding windows as in the Hugging Face guide.");
        model.AddTo(command);
        foreach (var option in new Option[] { data, field, maxLength, stride, documents }) command.Options.Add(option);
        command.SetAction(parse => ModelArguments.Run(parse, () =>
        {
            var texts = ReadTexts(parse.GetValue(data)!, parse.GetValue(field)!);
            var lm = model.Load(parse);
            var result = parse.GetValue(documents)
                ? lm.PerplexityOfDocuments(texts.SelectMany(CorpusDocuments.Split), parse.GetValue(maxLength), parse.GetValue(stride))
                : lm.Perplexity(texts, parse.GetValue(maxLength), parse.GetValue(stride));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(model.Json))
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    result.Perplexity, result.MeanNegativeLogLikelihood, result.PredictedTokens, result.Windows, result.MaxLength, result.Stride,
                }, ModelArguments.JsonStyle));
            else
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"perplexity {result.Perplexity:F4}\nmean NLL   {result.MeanNegativeLogLikelihood:F6} nats/token\ntokens     {result.PredictedTokens}\nwindows    {result.Windows} x {result.MaxLength}, stride {result.Stride}"));
            return 0;
        }));
        return command;
    }

    /// <summary>A .jsonl file gives one text per line (from <paramref name="field"/>); any other file is one text.</summary>
    static IReadOnlyList<string> ReadTexts(string path, string field)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"data file not found: {path}", path);
        if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)) return [File.ReadAllText(path)];
        var texts = new List<string>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var row = JsonDocument.Parse(line);
                if (row.RootElement.ValueKind != JsonValueKind.Object || !row.RootElement.TryGetProperty(field, out var text) || text.ValueKind != JsonValueKind.String)
                    throw new FormatException($"{path}:{lineNumber}: expected an object with a string field '{field}'");
                texts.Add(text.GetString()!);
            }
            catch (JsonException e)
            {
                throw new FormatException($"{path}:{lineNumber}: not valid JSON ({e.Message})", e);
            }
        }
        if (texts.Count == 0) throw new FormatException($"{path}: no texts found");
        return texts;
    }
}
