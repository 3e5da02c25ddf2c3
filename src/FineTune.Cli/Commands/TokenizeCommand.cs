using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using FineTune.Kernel.Text;

namespace FineTune.Cli.Commands;

/// <summary><c>finetune tokenize</c>: the ids and tokens a model's tokenizer (or a preset) gives a text.</summary>
static class TokenizeCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "A Hugging Face model folder (tokenizer.json, vocab.json + merges.txt, or tokenizer.model)." };
        var preset = new Option<string>("--preset") { Description = $"A tokenizer preset instead of a model: {string.Join(", ", TextTokenizer.PresetNames)}." };
        var text = new Option<string>("--text") { Description = "The text to tokenize.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON: ids, and each token with its offsets." };
        var command = new Command("tokenize", "Show the token ids and tokens of a text, as the model's tokenizer (or a preset) cuts it.") { model, preset, text, json };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string? folder = parse.GetValue(model), name = parse.GetValue(preset);
            if ((folder is null) == (name is null))
            {
                error.WriteLine("Give exactly one of --model DIR or --preset NAME.");
                return 2;
            }
            TextTokenizer tokenizer;
            try { tokenizer = TextTokenizer.Load(folder ?? name!); }
            catch (Exception e) when (e is IOException or NotSupportedException or InvalidDataException or ArgumentException)
            {
                error.WriteLine(e.Message);
                return 1;
            }
            var tokenized = tokenizer.Tokenize(parse.GetValue(text)!);
            if (parse.GetValue(json)) output.WriteLine(Json(tokenizer, tokenized));
            else
            {
                output.WriteLine(tokenizer);
                output.WriteLine(tokenized);
                output.WriteLine($"ids: [{string.Join(", ", tokenized.Ids)}]");
            }
            return 0;
        });
        return command;
    }

    static string Json(TextTokenizer tokenizer, TokenizedText tokenized) => JsonSerializer.Serialize(new
    {
        tokenizer = tokenizer.Kind,
        source = tokenizer.Source,
        ids = tokenized.Ids,
        tokens = tokenized.Tokens.Select(t => new { id = t.Id, token = t.Token, text = tokenized.TextOf(t), start = t.Start, length = t.Length, special = t.IsSpecial }),
    }, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
