using FineTune.Kernel.Text;

namespace FineTune.Kernel.Data;

/// <summary>
/// A row as one prompt and its response (with an optional system message), the common ground the export
/// layouts are converted through; rows with several exchanges keep them all for the chat layout only.
/// </summary>
sealed record Exchange(string? System, string Instruction, string Input, string Response, IReadOnlyList<ChatMessage> Turns)
{
    public string Prompt => Input.Length == 0 ? Instruction : $"{Instruction}\n\n{Input}";

    /// <summary>The exchange of a row; <paramref name="instruction"/> is used for rows that have none (labelled text).</summary>
    public static Exchange Of(DataRow row, FormatSchema schema, string? instruction, string file, string positionName)
    {
        string Need(string what) => instruction ?? throw Problem(row, file, positionName,
            $"{schema.Name} rows have no instruction: pass instruction: (such as \"Classify the text.\") to export them as {what}");
        Exchange Simple(string? system, string instr, string input, string response) =>
            new(system, instr, input, response, [.. system is null ? Array.Empty<ChatMessage>() : [ChatMessage.System(system)],
                ChatMessage.User(input.Length == 0 ? instr : $"{instr}\n\n{input}"), ChatMessage.Assistant(response)]);
        switch (schema.Format)
        {
            case DatasetFormat.Instruction: return Simple(null, row["instruction"], row["input"], row["output"]);
            case DatasetFormat.PromptCompletion: return Simple(null, row["prompt"], "", row["completion"]);
            case DatasetFormat.Preference: return Simple(null, row["prompt"], "", row["chosen"]);
            case DatasetFormat.LabelledText: return Simple(null, Need("instruction-following data"), row["text"], row["label"]);
            case DatasetFormat.Chat or DatasetFormat.ShareGpt:
                var turns = row.Messages;
                var system = turns.FirstOrDefault(t => t.Role == "system")?.Content;
                var users = turns.Where(t => t.Role == "user").ToList();
                var last = turns.LastOrDefault();
                return new Exchange(system, users.Count == 1 ? users[0].Content : "", "",
                    last?.Role == "assistant" && users.Count == 1 ? last.Content : "", turns);
            default:
                throw Problem(row, file, positionName, "plain text rows have no prompt and response; export them as Records");
        }
    }

    /// <summary>The single prompt/response, or an error naming the row when it has several or none.</summary>
    public Exchange Single(DataRow row, string file, string positionName) =>
        Instruction.Length > 0 && Response.Length > 0 || Turns.Count == 0
            ? this
            : throw Problem(row, file, positionName, $"this conversation has {Turns.Count(t => t.Role == "user")} user turn(s) and " +
                $"{(Turns.LastOrDefault()?.Role == "assistant" ? "ends" : "does not end")} with an assistant turn; only the chat layout keeps it whole");

    static DataFormatException Problem(DataRow row, string file, string positionName, string reason) =>
        new(file, positionName, new DataProblem(row.Position, null, reason));
}
