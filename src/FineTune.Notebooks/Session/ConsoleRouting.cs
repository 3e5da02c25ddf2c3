using System.Text;

namespace FineTune.Notebooks.Session;

/// <summary>
/// Sends <see cref="Console.Out"/> and <see cref="Console.Error"/> to the cell that is running in the
/// current flow of execution (threads and tasks a cell starts included), and to the real console
/// otherwise. Installed once per process, so sessions running side by side each capture their own.
/// </summary>
static class ConsoleRouting
{
    static readonly AsyncLocal<CellOutputs?> Current = new();
    static readonly object InstallGate = new();
    static bool installed;

    /// <summary>Routes console writes in this flow to <paramref name="outputs"/> until disposed.</summary>
    public static IDisposable CaptureInto(CellOutputs outputs)
    {
        Install();
        var previous = Current.Value;
        Current.Value = outputs;
        return new Restore(() => Current.Value = previous);
    }

    static void Install()
    {
        lock (InstallGate)
        {
            if (installed) return;
            Console.SetOut(new RoutingWriter("stdout", Console.Out));
            Console.SetError(new RoutingWriter("stderr", Console.Error));
            installed = true;
        }
    }

    sealed class RoutingWriter(string stream, TextWriter console) : TextWriter
    {
        public override Encoding Encoding => console.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (Current.Value is { } outputs) outputs.Write(stream, value);
            else console.Write(value);
        }

        public override void WriteLine(string? value) => Write(value + NewLine);

        public override void Flush() => console.Flush();
    }

    sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
