namespace FineTune.Kernel.Data;

/// <summary>A record that could not be loaded: where it is, which field (if one), and why.</summary>
/// <param name="Position">The line (JSONL, CSV), item (JSON array) or row (Parquet), counted from 1.</param>
/// <param name="Field">The field at fault, or null when the whole record is (invalid JSON, invalid UTF-8).</param>
/// <param name="Reason">What was wrong, and what was expected.</param>
public sealed record DataProblem(int Position, string? Field, string Reason)
{
    /// <summary>"line 17: invalid JSON (...)" or "line 88: field 'label': missing".</summary>
    public string Describe(string positionName) =>
        Field is null ? $"{positionName} {Position}: {Reason}" : $"{positionName} {Position}: field '{Field}': {Reason}";
}
