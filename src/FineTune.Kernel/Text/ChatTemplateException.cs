namespace FineTune.Kernel.Text;

/// <summary>
/// A chat template failed: its syntax is wrong or unsupported, it met a value it cannot handle, or it
/// called raise_exception(...) itself (for example "Conversation roles must alternate ...").
/// </summary>
public sealed class ChatTemplateException : Exception
{
    internal ChatTemplateException(string template, string reason, int line, int column, bool raisedByTemplate)
        : base(raisedByTemplate
            ? $"The chat template ({template}) refused the messages: {reason} (raise_exception at line {line}, column {column})."
            : $"{template}, line {line}, column {column}: {reason}.")
    {
        Reason = reason;
        Line = line;
        Column = column;
        RaisedByTemplate = raisedByTemplate;
    }

    /// <summary>What went wrong, without the location: the unsupported construct, or the template's own message.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line of the template where it happened.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the template where it happened.</summary>
    public int Column { get; }

    /// <summary>True when the template called raise_exception: the messages, not the template, are at fault.</summary>
    public bool RaisedByTemplate { get; }
}
