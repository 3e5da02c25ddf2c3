using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace FineTune.Kernel.Models;

/// <summary>
/// The header of a safetensors file, read and checked the way the reference implementation
/// (huggingface/safetensors, <c>tensor.rs</c>) checks it before any tensor byte is trusted:
/// the length prefix, the JSON, each tensor's dtype, shape and byte range, and that the data
/// area is covered exactly, with no holes, overlaps or trailing bytes.
/// </summary>
sealed class SafetensorsHeader
{
    /// <summary>The largest header the reference reader accepts (100 MB).</summary>
    public const long MaxHeaderLength = 100_000_000;

    const string MetadataKey = "__metadata__";

    SafetensorsHeader(long headerLength, List<SafetensorsEntry> entries, Dictionary<string, string> metadata)
    {
        HeaderLength = headerLength;
        Entries = entries;
        Metadata = metadata;
    }

    /// <summary>N: the length of the JSON header in bytes (padding included).</summary>
    public long HeaderLength { get; }

    /// <summary>Where the data area starts in the file: after the 8-byte prefix and the header.</summary>
    public long DataStart => 8 + HeaderLength;

    /// <summary>The tensors, in the order their bytes appear in the file.</summary>
    public IReadOnlyList<SafetensorsEntry> Entries { get; }

    /// <summary>The optional <c>__metadata__</c> map (string to string).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Reads and checks the header at the start of <paramref name="stream"/> (a file of <c>stream.Length</c> bytes).</summary>
    public static SafetensorsHeader Read(Stream stream, string path)
    {
        long fileLength = stream.Length;
        if (fileLength < 8)
            throw new SafetensorsException(path, null, $"the file is {fileLength} bytes, smaller than the 8-byte header-length prefix");
        Span<byte> prefix = stackalloc byte[8];
        stream.Position = 0;
        stream.ReadExactly(prefix);
        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (declared > MaxHeaderLength)
            throw new SafetensorsException(path, null, $"the header length prefix says {declared} bytes, more than the {MaxHeaderLength}-byte limit");
        long headerLength = (long)declared;
        if (8 + headerLength > fileLength)
            throw new SafetensorsException(path, null, $"the header length prefix says {headerLength} bytes, but the file has only {fileLength - 8} bytes after the prefix");
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        return Parse(header, fileLength, path);
    }

    /// <summary>Checks <paramref name="header"/> (the JSON bytes) against a file of <paramref name="fileLength"/> bytes.</summary>
    public static SafetensorsHeader Parse(byte[] header, long fileLength, string path)
    {
        string json;
        try
        {
            json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(header);
        }
        catch (DecoderFallbackException)
        {
            throw new SafetensorsException(path, null, "the header is not valid UTF-8");
        }
        if (json.Length == 0 || json[0] != '{')
            throw new SafetensorsException(path, null, "the header must be a JSON object starting with '{'");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new SafetensorsException(path, null, $"the header is not valid JSON ({e.Message})");
        }
        using (document)
        {
            var entries = new List<SafetensorsEntry>();
            var metadata = new Dictionary<string, string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    throw new SafetensorsException(path, property.Name, "the header lists this name twice");
                if (property.Name == MetadataKey)
                    ReadMetadata(property.Value, metadata, path);
                else
                    entries.Add(ReadEntry(property.Name, property.Value, path));
            }
            long headerLength = header.LongLength;
            CheckCoverage(entries, fileLength - 8 - headerLength, path);
            return new SafetensorsHeader(headerLength, entries, metadata);
        }
    }

    static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new SafetensorsException(path, MetadataKey, "__metadata__ must be an object mapping strings to strings");
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw new SafetensorsException(path, MetadataKey, $"__metadata__ value of '{item.Name}' is {item.Value.ValueKind}, not a string");
            if (!metadata.TryAdd(item.Name, item.Value.GetString()!))
                throw new SafetensorsException(path, MetadataKey, $"__metadata__ lists '{item.Name}' twice");
        }
    }

    static SafetensorsEntry ReadEntry(string name, JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new SafetensorsException(path, name, $"expected an object with dtype, shape and data_offsets, found {value.ValueKind}");
        if (!value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw new SafetensorsException(path, name, "missing or non-string 'dtype'");
        string dtype = dtypeElement.GetString()!;
        if (!SafetensorsDtype.IsKnown(dtype))
            throw new SafetensorsException(path, name, $"unknown dtype '{dtype}' (known: {string.Join(", ", SafetensorsDtype.Names)})");
        var shape = ReadNumbers(value, "shape", null, name, path);
        var offsets = ReadNumbers(value, "data_offsets", 2, name, path);
        var entry = new SafetensorsEntry(name, dtype, shape, offsets[0], offsets[1]);
        CheckByteLength(entry, path);
        return entry;
    }

    static long[] ReadNumbers(JsonElement value, string field, int? count, string name, string path)
    {
        if (!value.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new SafetensorsException(path, name, $"missing or non-array '{field}'");
        var numbers = new List<long>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long number) || number < 0)
                throw new SafetensorsException(path, name, $"'{field}' must hold non-negative integers, found {item.GetRawText()}");
            numbers.Add(number);
        }
        if (count is not null && numbers.Count != count)
            throw new SafetensorsException(path, name, $"'{field}' must hold {count} numbers, found {numbers.Count}");
        return numbers.ToArray();
    }

    /// <summary>end - begin must equal numel x dtype size, computed without overflow.</summary>
    static void CheckByteLength(SafetensorsEntry entry, string path)
    {
        if (entry.End < entry.Begin)
            throw new SafetensorsException(path, entry.Name, $"data_offsets [{entry.Begin}, {entry.End}] end before they begin");
        long bits;
        try
        {
            long elements = 1;
            foreach (long dimension in entry.Shape) elements = checked(elements * dimension);
            bits = checked(elements * SafetensorsDtype.BitSize(entry.DType));
        }
        catch (OverflowException)
        {
            throw new SafetensorsException(path, entry.Name, $"shape [{string.Join(", ", entry.Shape)}] x {entry.DType} overflows a 64-bit byte count");
        }
        if (bits % 8 != 0)
            throw new SafetensorsException(path, entry.Name, $"shape [{string.Join(", ", entry.Shape)}] of {entry.DType} does not fill a whole number of bytes");
        if (entry.End - entry.Begin != bits / 8)
            throw new SafetensorsException(path, entry.Name,
                $"data_offsets [{entry.Begin}, {entry.End}] span {entry.End - entry.Begin} bytes, but shape [{string.Join(", ", entry.Shape)}] of {entry.DType} needs {bits / 8}");
    }

    /// <summary>Sorted by offset, the byte ranges must tile the data area exactly: from 0, no gaps, no overlaps, nothing after.</summary>
    static void CheckCoverage(List<SafetensorsEntry> entries, long dataLength, string path)
    {
        entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long expected = 0;
        foreach (var entry in entries)
        {
            if (entry.Begin != expected)
                throw new SafetensorsException(path, entry.Name, entry.Begin < expected
                    ? $"data_offsets [{entry.Begin}, {entry.End}] overlap the previous tensor, which ends at {expected}"
                    : $"data_offsets [{entry.Begin}, {entry.End}] leave a hole: the previous tensor ends at {expected}");
            expected = entry.End;
        }
        if (expected != dataLength)
        {
            string? last = entries.Count > 0 ? entries[^1].Name : null;
            throw new SafetensorsException(path, last, expected > dataLength
                ? $"the tensors need {expected} data bytes, but the file has only {dataLength} after the header"
                : $"the tensors cover {expected} data bytes, but the file has {dataLength} after the header ({dataLength - expected} unindexed bytes)");
        }
    }
}
