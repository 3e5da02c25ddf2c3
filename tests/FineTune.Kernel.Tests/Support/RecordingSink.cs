using FineTune.Kernel.Notebook;

namespace FineTune.Kernel.Tests.Support;

/// <summary>A display sink for tests: remembers every output, with updates applied in place.</summary>
sealed class RecordingSink : IDisplaySink
{
    readonly List<(string Id, object? Value)> outputs = [];

    /// <summary>The current value of every output, in the order they were first shown.</summary>
    public IReadOnlyList<object?> Outputs => outputs.Select(o => o.Value).ToList();

    /// <summary>How many times any output was updated.</summary>
    public int Updates { get; private set; }

    public void Show(string displayId, object? value) => outputs.Add((displayId, value));

    public void Update(string displayId, object? value)
    {
        int index = outputs.FindIndex(o => o.Id == displayId);
        if (index < 0) throw new InvalidOperationException($"update of unknown display {displayId}");
        outputs[index] = (displayId, value);
        Updates++;
    }
}
