using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Data;

/// <summary>Reads the turns of chat records, in OpenAI (<c>role</c>/<c>content</c>) and ShareGPT (<c>from</c>/<c>value</c>) layouts.</summary>
static class ChatTurns
{
    static readonly Dictionary<string, string> ShareGptRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["human"] = "user", ["user"] = "user", ["gpt"] = "assistant", ["assistant"] = "assistant",
        ["system"] = "system", ["tool"] = "tool", ["function_call"] = "assistant", ["observation"] = "tool",
    };

    public static IReadOnlyList<ChatMessage> Read(DataRow row)
    {
        bool shareGpt = row.Has("conversations") && !row.Has("messages");
        if (row.Node(shareGpt ? "conversations" : "messages") is not JsonArray turns) return [];
        var messages = new List<ChatMessage>(turns.Count);
        foreach (var turn in turns)
        {
            if (turn is not JsonObject message) continue;
            string? role = StringOf(message[shareGpt ? "from" : "role"]);
            string? content = StringOf(message[shareGpt ? "value" : "content"]);
            if (role is null || content is null) continue;
            messages.Add(new ChatMessage(shareGpt && ShareGptRoles.TryGetValue(role, out var mapped) ? mapped : role, content));
        }
        return messages;
    }

    static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
