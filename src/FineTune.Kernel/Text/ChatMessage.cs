namespace FineTune.Kernel.Text;

/// <summary>One turn of a conversation, as chat templates and chat datasets see it.</summary>
/// <param name="Role">Who speaks: "system", "user", "assistant" (some templates also know "tool").</param>
/// <param name="Content">What they say.</param>
public sealed record ChatMessage(string Role, string Content)
{
    /// <summary>A system message.</summary>
    public static ChatMessage System(string content) => new("system", content);

    /// <summary>A user message.</summary>
    public static ChatMessage User(string content) => new("user", content);

    /// <summary>An assistant message.</summary>
    public static ChatMessage Assistant(string content) => new("assistant", content);
}
