using System.Text.Json.Nodes;

namespace FineTune.Kernel.Data;

/// <summary>
/// The text of a record that statistics look at: its text fields one by one (for private information
/// and review terms), and the whole example as a model sees it (for lengths, token counts and
/// near-duplicates).
/// </summary>
static class ExampleText
{
    /// <summary>Each text field of the record, with its name ("text", "messages[2].content").</summary>
    public static IEnumerable<(string Field, string Text)> Fields(DataRow row, FormatSchema schema)
    {
        foreach (var field in schema.Fields)
        {
            if (field.Kind == FieldKind.String) yield return (field.Name, row[field.Name]);
            else if (field.Kind == FieldKind.Turns && row.Node(field.Name) is JsonArray turns)
            {
                string key = schema.Format == DatasetFormat.ShareGpt ? "value" : "content";
                for (int i = 0; i < turns.Count; i++)
                    if (turns[i] is JsonObject turn && turn[key] is JsonValue value && value.TryGetValue<string>(out var text))
                        yield return ($"{field.Name}[{i}].{key}", text);
            }
        }
    }

    /// <summary>
    /// The example as one text: instruction, input and output; prompt and completion; every turn's
    /// content; the text; for preferences the prompt with the longer of the two answers.
    /// </summary>
    public static string Whole(DataRow row, FormatSchema schema) => schema.Format switch
    {
        DatasetFormat.Instruction => Join(row["instruction"], row["input"], row["output"]),
        DatasetFormat.PromptCompletion => row["prompt"] + row["completion"],
        DatasetFormat.Chat or DatasetFormat.ShareGpt => string.Join("\n", Fields(row, schema).Select(f => f.Text)),
        DatasetFormat.Preference => Join(row["prompt"], row["chosen"].Length >= row["rejected"].Length ? row["chosen"] : row["rejected"]),
        _ => row["text"],
    };

    static string Join(params string[] parts) => string.Join("\n", parts.Where(p => p.Length > 0));
}
