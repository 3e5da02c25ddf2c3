namespace FineTune.Kernel.Data;

/// <summary>
/// What a <see cref="DatasetFormat"/> asks of a record: its fields (under their canonical names), which
/// of them are required, which hold a list of chat turns, and the other names a file may use for them.
/// </summary>
sealed record FormatSchema(DatasetFormat Format, string Name, IReadOnlyList<FormatField> Fields)
{
    public static readonly IReadOnlyList<FormatSchema> All =
    [
        // Most specific first: detection takes the first schema whose required fields a record has.
        new(DatasetFormat.Preference, "preference", [Required("prompt"), Required("chosen"), Required("rejected")]),
        new(DatasetFormat.Chat, "chat (messages)", [Turns("messages")]),
        new(DatasetFormat.ShareGpt, "chat (ShareGPT conversations)", [Turns("conversations")]),
        new(DatasetFormat.Instruction, "instruction (Alpaca)", [Required("instruction"), Optional("input", "context"), Required("output", "response")]),
        new(DatasetFormat.PromptCompletion, "prompt/completion", [Required("prompt"), Required("completion")]),
        new(DatasetFormat.LabelledText, "labelled text", [Required("text", "sentence"), Label("label")]),
        new(DatasetFormat.Text, "plain text", [Required("text", "content")]),
    ];

    public static FormatSchema Of(DatasetFormat format) => All.Single(s => s.Format == format);

    public IEnumerable<FormatField> RequiredFields => Fields.Where(f => f.Required);

    /// <summary>"instruction, input?, output": the fields as a user reads them.</summary>
    public string FieldList => string.Join(", ", Fields.Select(f => f.Required ? f.Name : f.Name + "?"));

    static FormatField Required(string name, params string[] aliases) => new(name, FieldKind.String, true, [name, .. aliases]);
    static FormatField Optional(string name, params string[] aliases) => new(name, FieldKind.String, false, [name, .. aliases]);
    static FormatField Label(string name) => new(name, FieldKind.Label, true, [name, "labels", "category"]);
    static FormatField Turns(string name) => new(name, FieldKind.Turns, true, [name]);
}

/// <summary>One field of a format: its canonical name, kind, whether a record must have it, and the names files use for it.</summary>
sealed record FormatField(string Name, FieldKind Kind, bool Required, IReadOnlyList<string> Names);

/// <summary>What a field holds.</summary>
enum FieldKind
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A class label: a string, or a number read as its text.</summary>
    Label,

    /// <summary>A list of chat turns (objects).</summary>
    Turns,
}
