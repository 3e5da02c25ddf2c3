namespace FineTune.Kernel.Text.Jinja;

/// <summary>
/// A template error at a character position: a syntax error, a runtime error (wrong type, undefined
/// value), or raise_exception(...) called by the template itself. <see cref="ChatTemplate"/> turns the
/// position into a line and column.
/// </summary>
sealed class JinjaException(string message, int position, bool raisedByTemplate = false) : Exception(message)
{
    public int Position { get; } = position;

    public bool RaisedByTemplate { get; } = raisedByTemplate;
}
