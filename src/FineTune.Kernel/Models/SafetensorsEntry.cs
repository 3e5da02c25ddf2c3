namespace FineTune.Kernel.Models;

/// <summary>
/// One tensor listed in a safetensors header: its name, dtype (e.g. "BF16"), shape, and where its
/// bytes lie in the data area (<c>[Begin, End)</c>, relative to the end of the header).
/// </summary>
public sealed record SafetensorsEntry(string Name, string DType, IReadOnlyList<long> Shape, long Begin, long End)
{
    /// <summary>Number of elements (1 for a scalar, 0 when a dimension is 0).</summary>
    public long ElementCount => Shape.Aggregate(1L, (n, d) => n * d);

    /// <summary>Number of bytes the tensor occupies in the file.</summary>
    public long ByteLength => End - Begin;

    /// <inheritdoc />
    public override string ToString() => $"{Name} {DType} [{string.Join(", ", Shape)}]";
}
