namespace FineTune.Kernel.Notebook;

/// <summary>
/// One output shown in a notebook. <see cref="Update"/> replaces it in place, which is how progress
/// bars, live loss charts and streamed generations stay one output instead of many.
/// </summary>
public sealed class DisplayHandle
{
    readonly IDisplaySink sink;

    internal DisplayHandle(IDisplaySink sink, string id)
    {
        this.sink = sink;
        Id = id;
    }

    /// <summary>The display id the host knows this output by.</summary>
    public string Id { get; }

    /// <summary>Replaces the shown value with <paramref name="value"/>.</summary>
    public void Update(object? value) => sink.Update(Id, value);
}
