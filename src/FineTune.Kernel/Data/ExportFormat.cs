namespace FineTune.Kernel.Data;

/// <summary>The JSONL layouts <see cref="Dataset.Export"/> writes.</summary>
public enum ExportFormat
{
    /// <summary>The rows as they are: the format's canonical fields, then any others.</summary>
    Records,

    /// <summary><c>{"instruction", "input", "output"}</c>, as Alpaca.</summary>
    Alpaca,

    /// <summary><c>{"messages": [{"role", "content"}, ...]}</c>, as OpenAI chat fine-tuning.</summary>
    Chat,

    /// <summary><c>{"prompt", "completion"}</c>.</summary>
    PromptCompletion,
}

/// <summary>A file <see cref="Dataset.Export"/> wrote.</summary>
/// <param name="Path">Where.</param>
/// <param name="Rows">How many rows (lines).</param>
/// <param name="Format">In which layout.</param>
public sealed record ExportedFile(string Path, int Rows, ExportFormat Format)
{
    /// <inheritdoc/>
    public override string ToString() => $"wrote {Rows} rows to {Path} ({Format})";
}
