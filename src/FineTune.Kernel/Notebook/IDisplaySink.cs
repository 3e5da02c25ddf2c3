namespace FineTune.Kernel.Notebook;

/// <summary>
/// Whatever shows output to the user: the headless runner's capture, Polyglot's <c>display(...)</c>,
/// a test recorder, or the console. The library never depends on a notebook kernel; hosts plug a
/// sink into <see cref="Display.Sink"/>.
/// </summary>
public interface IDisplaySink
{
    /// <summary>Shows <paramref name="value"/> as a new output identified by <paramref name="displayId"/>.</summary>
    void Show(string displayId, object? value);

    /// <summary>Replaces the output <paramref name="displayId"/> (shown earlier) with <paramref name="value"/>, in place.</summary>
    void Update(string displayId, object? value);
}
