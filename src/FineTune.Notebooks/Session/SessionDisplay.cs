using FineTune.Kernel.Notebook;

namespace FineTune.Notebooks.Session;

/// <summary>
/// The session's display host: new outputs go to the running cell; an update replaces the output
/// wherever it was shown, in an earlier cell too (as Jupyter's update_display_data does).
/// </summary>
sealed class SessionDisplay(Func<CellOutputs> currentCell, Func<IEnumerable<CellOutputs>> allCells) : IDisplaySink
{
    public void Show(string displayId, object? value) =>
        currentCell().Add(new DisplayOutput(displayId, ValueFormatter.Format(value)));

    public void Update(string displayId, object? value)
    {
        var data = ValueFormatter.Format(value);
        if (!allCells().Any(cell => cell.TryReplace(displayId, data)))
            throw new InvalidOperationException($"No output with display id {displayId} was shown in this notebook.");
    }

    /// <summary>Shows a value as the kernel's <c>display(...)</c> does, returning a handle with <c>Update(value)</c>.</summary>
    public DisplayHandle ShowNew(object? value)
    {
        var handle = new DisplayHandle(this, Guid.NewGuid().ToString("N"));
        Show(handle.Id, value);
        return handle;
    }
}
