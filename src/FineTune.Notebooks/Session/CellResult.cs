namespace FineTune.Notebooks.Session;

/// <summary>
/// What running one cell produced. <see cref="Outputs"/> is live: a later cell that updates a display
/// shown here (a progress bar, a live chart) changes it in place.
/// </summary>
public sealed record CellResult(int ExecutionCount, IReadOnlyList<CellOutput> Outputs, TimeSpan Duration, ErrorOutput? Error)
{
    /// <summary>True when the cell ran to the end.</summary>
    public bool Succeeded => Error is null;
}
