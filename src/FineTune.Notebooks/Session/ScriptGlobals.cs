using FineTune.Kernel.Notebook;

namespace FineTune.Notebooks.Session;

/// <summary>
/// What a cell can call without qualification, matching the Polyglot C# kernel where notebooks rely
/// on it: <c>display(value)</c>, which returns a handle whose <c>Update(value)</c> replaces the output.
/// </summary>
public sealed class ScriptGlobals
{
    readonly SessionDisplay host;

    internal ScriptGlobals(SessionDisplay host) => this.host = host;

    /// <summary>Shows <paramref name="value"/> as a new output of the running cell.</summary>
    public DisplayHandle display(object? value) => host.ShowNew(value);
}
