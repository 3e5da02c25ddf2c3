using System.Collections;

namespace FineTune.Notebooks.Session;

/// <summary>
/// The outputs of one cell as they arrive: stream writes merge into the previous output of the same
/// stream, and an update replaces a display output where it stands. Safe to write from the threads a
/// cell starts.
/// </summary>
sealed class CellOutputs : IReadOnlyList<CellOutput>
{
    readonly List<CellOutput> items = [];
    readonly object gate = new();

    public CellOutput this[int index] { get { lock (gate) return items[index]; } }

    public int Count { get { lock (gate) return items.Count; } }

    public void Add(CellOutput output)
    {
        lock (gate) items.Add(output);
    }

    public void Write(string stream, string text)
    {
        lock (gate)
        {
            if (items.Count > 0 && items[^1] is StreamOutput last && last.Name == stream)
                items[^1] = last with { Text = last.Text + text };
            else
                items.Add(new StreamOutput(stream, text));
        }
    }

    /// <summary>Replaces the display <paramref name="displayId"/>; false when this cell does not hold it.</summary>
    public bool TryReplace(string displayId, IReadOnlyDictionary<string, string> data)
    {
        lock (gate)
        {
            int index = items.FindIndex(o => o is DisplayOutput d && d.DisplayId == displayId);
            if (index < 0) return false;
            items[index] = new DisplayOutput(displayId, data);
            return true;
        }
    }

    public IEnumerator<CellOutput> GetEnumerator()
    {
        lock (gate) return items.ToList().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
