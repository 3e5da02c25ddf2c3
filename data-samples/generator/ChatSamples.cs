namespace FineTune.Samples;

sealed record ChatMessage(string Role, string Content);

/// <summary>One OpenAI chat-format row: {"messages": [...]}.</summary>
sealed record ChatRow(List<ChatMessage> Messages);

/// <summary>
/// chat.jsonl: 200 conversations in OpenAI chat format. About half start with a system message;
/// each has 1 to 3 user/assistant exchanges on the four skills or small talk, and ends with the
/// assistant.
/// </summary>
static class ChatSamples
{
    public const int Count = 200;

    public static readonly IReadOnlyList<string> SystemPrompts =
    [
        "You are a helpful assistant.",
        "You are a friendly assistant who gives short answers.",
        "You are a patient teacher for young children.",
        "You are a helpful assistant. Answer in one sentence.",
        "You help children learn words and numbers.",
    ];

    static readonly (string User, string Assistant)[] Greetings =
    [
        ("Hello!", "Hello! How can I help you today?"),
        ("Hi there.", "Hi! What would you like to know?"),
        ("How are you?", "I am fine, thank you. What can I do for you?"),
        ("Can you help me with some words?", "Of course. Ask me about any word."),
        ("I am learning to count.", "That is great. Ask me about any number."),
    ];

    static readonly (string User, string Assistant)[] Closings =
    [
        ("Thank you!", "You are welcome!"),
        ("Thanks, that helps.", "I am glad it helps."),
        ("Goodbye!", "Goodbye! Have a nice day."),
        ("Great, thanks a lot.", "Any time. Happy learning!"),
    ];

    public static List<ChatRow> Create(TaskSplit split)
    {
        var rng = new Random(Seeds.Chat);
        var rows = new List<ChatRow>();
        var seen = new HashSet<string>();
        while (rows.Count < Count)
        {
            var messages = new List<ChatMessage>();
            if (rng.Chance(0.5)) messages.Add(new("system", rng.Pick(SystemPrompts)));
            int exchanges = rng.Next(1, 4);
            for (int i = 0; i < exchanges; i++)
            {
                var (user, assistant) = i == 0 && exchanges > 1 && rng.Chance(0.3) ? rng.Pick(Greetings)
                    : i == exchanges - 1 && i > 0 && rng.Chance(0.3) ? rng.Pick(Closings)
                    : Skill(rng, split);
                messages.Add(new("user", user));
                messages.Add(new("assistant", assistant));
            }
            var row = new ChatRow(messages);
            if (seen.Add(SampleJson.Line(row))) rows.Add(row);
        }
        return rows;
    }

    static (string, string) Skill(Random rng, TaskSplit split)
    {
        SkillQuestion q = SkillQuestions.Ask(rng, split);
        return (q.Question, q.Answer);
    }
}
