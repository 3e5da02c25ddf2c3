namespace FineTune.Kernel.Notebook;

/// <summary>Notebook sugar: <c>dataset.Describe().Show();</c></summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> inline and returns a handle to update it.</summary>
    public static DisplayHandle Show(this object? value) => Display.Show(value);
}
