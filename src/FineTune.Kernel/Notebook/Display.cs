namespace FineTune.Kernel.Notebook;

/// <summary>
/// Shows values inline in whatever host runs the code. In the headless runner and in tests the host
/// sets <see cref="Sink"/>; in VS Code (Polyglot Notebooks) the notebook's first cell calls
/// <c>Display.Use(v =&gt; display(v))</c>; with no host, values are written to the console as text.
/// </summary>
public static class Display
{
    static readonly AsyncLocal<IDisplaySink?> Scoped = new();
    static IDisplaySink? global;

    /// <summary>
    /// Where shown values go. A host sets it once; <see cref="UseFor"/> overrides it for one flow of
    /// execution (tests running in parallel each get their own). Null means: plain text on the console.
    /// </summary>
    public static IDisplaySink? Sink
    {
        get => Scoped.Value ?? global;
        set => global = value;
    }

    /// <summary>Shows <paramref name="value"/> and returns a handle that can update it in place.</summary>
    public static DisplayHandle Show(object? value)
    {
        var sink = Sink ?? ConsoleSink.Instance;
        var handle = new DisplayHandle(sink, Guid.NewGuid().ToString("N"));
        sink.Show(handle.Id, value);
        return handle;
    }

    /// <summary>
    /// Wires display to a notebook kernel's own display function: in Polyglot Notebooks,
    /// <c>Display.Use(v =&gt; display(v))</c>. Updates call <c>Update(value)</c> on whatever
    /// <paramref name="show"/> returned (Polyglot's <c>DisplayedValue</c>).
    /// </summary>
    public static void Use(Func<object?, object> show) => Sink = new CallbackSink(show);

    /// <summary>Routes display to <paramref name="sink"/> for the current async flow until the result is disposed.</summary>
    public static IDisposable UseFor(IDisplaySink sink)
    {
        var previous = Scoped.Value;
        Scoped.Value = sink;
        return new Restore(() => Scoped.Value = previous);
    }

    sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}

/// <summary>Shows values with <see cref="object.ToString"/> on the console; updates are printed again.</summary>
sealed class ConsoleSink : IDisplaySink
{
    public static readonly ConsoleSink Instance = new();
    public void Show(string displayId, object? value) => Console.WriteLine(value);
    public void Update(string displayId, object? value) => Console.WriteLine(value);
}

/// <summary>
/// Adapts a kernel's display function; updates go through the object it returned. Values the library
/// renders itself (charts, DataFrames, sequences of records) are handed over as <see cref="HtmlView"/>,
/// which the kernel formats through <see cref="IHtmlRenderable"/>: the same HTML the runner writes.
/// </summary>
sealed class CallbackSink(Func<object?, object> show) : IDisplaySink
{
    readonly Dictionary<string, object> shown = new();

    public void Show(string displayId, object? value)
    {
        var displayed = show(ForKernel(value));
        lock (shown) shown[displayId] = displayed;
    }

    internal static object? ForKernel(object? value) =>
        value is not IHtmlRenderable && Rendering.TryRender(value) is { } rendered
            ? new HtmlView(rendered.Html, rendered.PlainText)
            : value;

    public void Update(string displayId, object? value)
    {
        object? target;
        lock (shown) shown.TryGetValue(displayId, out target);
        if (target is null) return;
        var update = target.GetType().GetMethod("Update", [typeof(object)])
            ?? throw new InvalidOperationException($"{target.GetType().FullName} returned by the display function has no Update(object) method.");
        update.Invoke(target, [ForKernel(value)]);
    }
}
