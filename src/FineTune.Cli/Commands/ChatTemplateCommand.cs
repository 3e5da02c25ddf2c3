using System.CommandLine;
using System.Text.Json;
using FineTune.Kernel.Text;

namespace FineTune.Cli.Commands;

/// <summary><c>finetune chat-template</c>: a conversation rendered through a model's chat template.</summary>
static class ChatTemplateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "A Hugging Face model folder; its tokenizer supplies the template and the special tokens.", Required = true };
        var messages = new Option<string>("--messages") { Description = "A JSON file: an array of {\"role\", \"content\"} messages (or {\"messages\": [...]}), or JSON Lines of messages.", Required = true };
        var generationPrompt = new Option<bool>("--add-generation-prompt") { Description = "Append what starts the assistant's reply." };
        var template = new Option<string>("--template") { Description = $"Use this template instead of the model's: a preset ({string.Join(", ", ChatTemplate.PresetNames)}) or a .jinja file." };
        var command = new Command("chat-template", "Print the prompt a model's chat template makes of a conversation.") { model, messages, generationPrompt, template };
        command.SetAction(parse =>
        {
            try
            {
                var tokenizer = TextTokenizer.Load(parse.GetValue(model)!);
                if (parse.GetValue(template) is { } chosen)
                    tokenizer = tokenizer.WithChatTemplate(File.Exists(chosen) ? ChatTemplate.Parse(File.ReadAllText(chosen), chosen) : ChatTemplate.Preset(chosen));
                var conversation = ReadMessages(parse.GetValue(messages)!);
                parse.InvocationConfiguration.Output.Write(tokenizer.ApplyChatTemplate(conversation, parse.GetValue(generationPrompt)));
                return 0;
            }
            catch (Exception e) when (e is IOException or NotSupportedException or InvalidDataException or ArgumentException
                                          or InvalidOperationException or ChatTemplateException)
            {
                parse.InvocationConfiguration.Error.WriteLine(e.Message);
                if (e is InvalidOperationException) parse.InvocationConfiguration.Error.WriteLine("On the command line: --template NAME (a preset) or --template FILE.jinja.");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Messages from a JSON array, an object with "messages", or JSON Lines; errors name the file and the line or entry.</summary>
    internal static List<ChatMessage> ReadMessages(string file)
    {
        string text = File.ReadAllText(file);
        if (TryParse(text) is { } document)
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("messages", out _)) return [Message(root, $"{file}: message 1")];
                var array = root.ValueKind == JsonValueKind.Object ? root.GetProperty("messages") : root;
                if (array.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{file}: expected an array of messages or an object with \"messages\".");
                return array.EnumerateArray().Select((e, i) => Message(e, $"{file}: message {i + 1}")).ToList();
            }
        var messages = new List<ChatMessage>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            using var lineDocument = Parse(line, file, lineNumber);
            messages.Add(Message(lineDocument.RootElement, $"{file}: line {lineNumber}"));
        }
        return messages;
    }

    static JsonDocument? TryParse(string text)
    {
        try { return JsonDocument.Parse(text); }
        catch (JsonException) { return null; }
    }

    static JsonDocument Parse(string json, string file, int line)
    {
        try { return JsonDocument.Parse(json); }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: line {line}: not valid JSON ({e.Message}).", e);
        }
    }

    static ChatMessage Message(JsonElement e, string where)
    {
        string Field(string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()! : throw new InvalidDataException($"{where}: expected a string \"{name}\".");
        return new ChatMessage(Field("role"), Field("content"));
    }
}
