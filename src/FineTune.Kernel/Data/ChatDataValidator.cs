using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Data;

/// <summary>
/// Checks chat fine-tuning data the way OpenAI's cookbook ("Data preparation and analysis for chat model
/// fine-tuning") does: format errors per kind (data_type, missing_messages_list, message_missing_key,
/// message_unrecognized_key, unrecognized_role, missing_content, example_missing_assistant_message),
/// warnings for examples without a system or user message, token counts with its estimate (3 tokens per
/// message, 1 per name, 3 to prime the reply, cl100k_base by default), examples over the token limit,
/// and the billed tokens for the epochs a job would default to.
/// </summary>
public static class ChatDataValidator
{
    static readonly string[] AllowedKeys = ["role", "content", "name", "function_call", "weight"];
    static readonly string[] AllowedRoles = ["system", "user", "assistant", "function"];

    /// <summary>Validates a JSONL file line by line (lines that are not JSON, or not UTF-8, are reported as <c>invalid_json</c> and <c>invalid_utf8</c>).</summary>
    public static ChatValidationReport ValidateFile(string path, string tokenizer = "cl100k", int maxTokens = 4096, int? epochs = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"data file not found: {path}", path);
        var records = new List<(int, JsonNode?, string?)>();
        foreach (var line in Utf8Lines.Read(path).Lines.Where(l => !string.IsNullOrWhiteSpace(l.Text)))
        {
            if (line.Problem is not null) { records.Add((line.Number, null, "invalid_utf8")); continue; }
            try { records.Add((line.Number, JsonNode.Parse(line.Text), null)); }
            catch (JsonException) { records.Add((line.Number, null, "invalid_json")); }
        }
        return Validate(Path.GetFileName(path), "line", records, TextTokenizer.Load(tokenizer), maxTokens, epochs);
    }

    /// <summary>Validates the rows of a chat dataset.</summary>
    public static ChatValidationReport Validate(Dataset dataset, string tokenizer = "cl100k", int maxTokens = 4096, int? epochs = null)
    {
        if (dataset.Format != DatasetFormat.Chat)
            throw new InvalidOperationException($"{dataset.Name} is {dataset.FormatName}; the OpenAI checks are for chat (messages) data: export it with ExportFormat.Chat first");
        var records = dataset.Rows.Select(r => (r.Position, (JsonNode?)r.Fields, (string?)null)).ToList();
        return Validate(dataset.Name, dataset.PositionName, records, TextTokenizer.Load(tokenizer), maxTokens, epochs);
    }

    static ChatValidationReport Validate(string name, string positionName, IReadOnlyList<(int Position, JsonNode? Record, string? Problem)> records,
        TextTokenizer tokenizer, int maxTokens, int? epochs)
    {
        var errors = new List<(string Kind, int Position)>();
        var examples = new List<ChatExampleStats>();
        foreach (var (position, record, problem) in records)
        {
            if (problem is not null) { errors.Add((problem, position)); continue; }
            if (record is not JsonObject example) { errors.Add(("data_type", position)); continue; }
            if (example["messages"] is not JsonArray { Count: > 0 } messages) { errors.Add(("missing_messages_list", position)); continue; }
            foreach (var node in messages)
            {
                var message = node as JsonObject ?? [];
                if (!message.ContainsKey("role") || !message.ContainsKey("content")) errors.Add(("message_missing_key", position));
                if (message.Any(p => !AllowedKeys.Contains(p.Key))) errors.Add(("message_unrecognized_key", position));
                if (!AllowedRoles.Contains(StringOf(message["role"]))) errors.Add(("unrecognized_role", position));
                var content = message["content"];
                bool hasFunctionCall = message["function_call"] is not null;
                if ((string.IsNullOrEmpty(StringOf(content)) && !hasFunctionCall) || content is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                    errors.Add(("missing_content", position));
            }
            if (!messages.Any(m => StringOf(m?["role"]) == "assistant")) errors.Add(("example_missing_assistant_message", position));
            examples.Add(Measure(position, messages, tokenizer));
        }
        return new ChatValidationReport(name, positionName, records.Count, errors, examples, maxTokens, epochs ?? DefaultEpochs(examples.Count), tokenizer.Source);
    }

    /// <summary>The cookbook's num_tokens_from_messages: per message 3 + the tokens of every string value (+1 for a name), then 3 for the reply.</summary>
    static ChatExampleStats Measure(int position, JsonArray messages, TextTokenizer tokenizer)
    {
        int total = 3, assistant = 0;
        bool system = false, user = false;
        foreach (var message in messages.OfType<JsonObject>())
        {
            total += 3;
            foreach (var (key, value) in message)
            {
                if (StringOf(value) is { } text) total += tokenizer.CountTokens(text);
                if (key == "name") total += 1;
            }
            string? role = StringOf(message["role"]);
            system |= role == "system";
            user |= role == "user";
            if (role == "assistant" && StringOf(message["content"]) is { } reply) assistant += tokenizer.CountTokens(reply);
        }
        return new ChatExampleStats(position, messages.Count, total, assistant, system, user);
    }

    /// <summary>The cookbook's default: 3 epochs, raised or lowered so examples x epochs lies in [100, 25000], within [1, 25].</summary>
    static int DefaultEpochs(int examples) => examples == 0 ? 3
        : examples * 3 < 100 ? Math.Min(25, 100 / examples)
        : examples * 3 > 25000 ? Math.Max(1, 25000 / examples)
        : 3;

    static string? StringOf(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}

/// <summary>The measures of one chat example.</summary>
/// <param name="Position">Where it is.</param>
/// <param name="Messages">How many messages.</param>
/// <param name="Tokens">Its estimated tokens, as the cookbook counts them.</param>
/// <param name="AssistantTokens">Tokens of its assistant messages' content.</param>
/// <param name="HasSystem">Whether it has a system message.</param>
/// <param name="HasUser">Whether it has a user message.</param>
public sealed record ChatExampleStats(int Position, int Messages, int Tokens, int AssistantTokens, bool HasSystem, bool HasUser);
