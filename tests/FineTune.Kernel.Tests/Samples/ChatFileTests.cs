using System.Text.Json;

namespace FineTune.Kernel.Tests.Samples;

/// <summary>chat.jsonl passes the format checks of the OpenAI cookbook ("Data preparation and analysis for chat model fine-tuning").</summary>
public class ChatFileTests
{
    static readonly string[] KnownMessageKeys = ["role", "content", "name", "function_call", "weight"];
    static readonly string[] KnownRoles = ["system", "user", "assistant", "function"];

    [Fact]
    public void Every_chat_row_passes_the_openai_format_checks()
    {
        var errors = new List<string>();
        int line = 0;
        foreach (JsonElement row in CommittedSamples.Rows("chat.jsonl"))
        {
            line++;
            errors.AddRange(Check(row).Select(e => $"chat.jsonl line {line}: {e}"));
        }

        Assert.Empty(errors);
    }

    [Fact]
    public void About_half_of_the_chats_start_with_a_system_message()
    {
        var rows = CommittedSamples.Rows("chat.jsonl");
        int withSystem = rows.Count(r => r.GetProperty("messages")[0].Field("role") == "system");

        Assert.Equal(200, rows.Count);
        Assert.InRange(withSystem, 80, 120);
    }

    static IEnumerable<string> Check(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object) { yield return "data_type: not an object"; yield break; }
        if (row.EnumerateObject().Any(p => p.Name != "messages")) yield return "unknown key beside 'messages'";
        if (!row.TryGetProperty("messages", out JsonElement messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            yield return "missing_messages_list";
            yield break;
        }
        foreach (JsonElement message in messages.EnumerateArray())
        {
            if (!message.TryGetProperty("role", out JsonElement role) || !message.TryGetProperty("content", out JsonElement content))
            {
                yield return "message_missing_key";
                continue;
            }
            if (message.EnumerateObject().Any(p => !KnownMessageKeys.Contains(p.Name))) yield return "message_unrecognized_key";
            if (!KnownRoles.Contains(role.GetString())) yield return $"unrecognized_role '{role}'";
            if (content.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(content.GetString())) yield return "missing_content";
        }
        var roles = messages.EnumerateArray().Select(m => m.TryGetProperty("role", out var r) ? r.GetString() : null).ToList();
        if (!roles.Contains("assistant")) yield return "example_missing_assistant_message";
        if (roles[^1] != "assistant") yield return "does not end with an assistant turn";
        var turns = roles.SkipWhile(r => r == "system").ToList();
        for (int i = 0; i < turns.Count; i++)
            if (turns[i] != (i % 2 == 0 ? "user" : "assistant")) { yield return "user and assistant turns do not alternate"; break; }
    }
}
