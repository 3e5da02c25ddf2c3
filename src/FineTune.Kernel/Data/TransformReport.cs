namespace FineTune.Kernel.Data;

/// <summary>What one transform did, in one line: "dedupe (near, 0.8): 306 -> 286 rows; removed 8 exact, 6 normalised, 6 near duplicates".</summary>
/// <param name="Operation">The transform and its settings.</param>
/// <param name="RowsBefore">Rows it was given.</param>
/// <param name="RowsAfter">Rows it returned.</param>
/// <param name="Detail">What changed, for a person.</param>
public sealed record TransformReport(string Operation, int RowsBefore, int RowsAfter, string Detail)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Operation}: {RowsBefore:N0} -> {RowsAfter:N0} rows; {Detail}";
}
