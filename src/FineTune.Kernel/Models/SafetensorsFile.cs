using TorchSharp;
using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// A safetensors file opened for reading: the header is read and checked on <see cref="Open"/>;
/// tensors are read one at a time, straight from the file into the tensor's own storage (no
/// intermediate byte array), so a checkpoint never exists twice in memory while it loads.
/// <code>
/// using var file = SafetensorsFile.Open("model.safetensors");
/// file.Entries   // names, dtypes, shapes
/// var wte = file.ReadTensor("transformer.wte.weight");
/// </code>
/// </summary>
public sealed class SafetensorsFile : IDisposable
{
    /// <summary>Tensors are read and written in slices of at most this many bytes (a span cannot exceed 2 GB).</summary>
    internal const long DefaultChunkBytes = 1L << 30;

    readonly FileStream stream;
    readonly SafetensorsHeader header;
    readonly Dictionary<string, SafetensorsEntry> byName;

    SafetensorsFile(string path, FileStream stream, SafetensorsHeader header)
    {
        Path = path;
        this.stream = stream;
        this.header = header;
        byName = header.Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>Opens <paramref name="path"/> and checks its header; throws <see cref="SafetensorsException"/> naming the file (and tensor) when it is malformed.</summary>
    public static SafetensorsFile Open(string path)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("safetensors data is little-endian; this machine is big-endian");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        try
        {
            return new SafetensorsFile(path, stream, SafetensorsHeader.Read(stream, path));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Largest slice read at once; tests make it small to exercise slicing.</summary>
    internal long ChunkBytes { get; set; } = DefaultChunkBytes;

    /// <summary>The file this was opened from.</summary>
    public string Path { get; }

    /// <summary>The tensors the file holds, in file order.</summary>
    public IReadOnlyList<SafetensorsEntry> Entries => header.Entries;

    /// <summary>The file's <c>__metadata__</c> (empty when absent); Hugging Face writers put <c>format: pt</c> there.</summary>
    public IReadOnlyDictionary<string, string> Metadata => header.Metadata;

    /// <summary>Whether the file holds a tensor called <paramref name="name"/>.</summary>
    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>The header entry of <paramref name="name"/>.</summary>
    public SafetensorsEntry this[string name] =>
        byName.TryGetValue(name, out var entry) ? entry : throw new SafetensorsException(Path, name, "no such tensor in this file");

    /// <summary>Reads one tensor into a new CPU tensor of the file's dtype and shape.</summary>
    public Tensor ReadTensor(string name)
    {
        var entry = this[name];
        var type = SafetensorsDtype.ToTorch(entry.DType)
            ?? throw new SafetensorsException(Path, name, $"dtype {entry.DType} has no TorchSharp equivalent, so it cannot be loaded");
        var tensor = empty(entry.Shape.ToArray(), type);
        try
        {
            stream.Position = header.DataStart + entry.Begin;
            ReadInto(tensor, entry.ByteLength);
            return tensor;
        }
        catch (EndOfStreamException)
        {
            tensor.Dispose();
            throw new SafetensorsException(Path, name, "the file ended before the tensor's bytes (was it changed while reading?)");
        }
    }

    void ReadInto(Tensor tensor, long byteLength)
    {
        if (byteLength <= ChunkBytes)
        {
            stream.ReadExactly(tensor.bytes);
            return;
        }
        using var flat = tensor.view(-1);
        long elementBytes = byteLength / tensor.numel();
        long chunkElements = Math.Max(1, ChunkBytes / elementBytes);
        for (long start = 0; start < flat.shape[0]; start += chunkElements)
        {
            using var slice = flat.narrow(0, start, Math.Min(chunkElements, flat.shape[0] - start));
            stream.ReadExactly(slice.bytes);
        }
    }

    /// <summary>
    /// Writes <paramref name="tensors"/> to <paramref name="path"/> atomically, in the layout the
    /// reference writer uses (larger dtypes first, then by name; header padded to 8 bytes).
    /// </summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null) =>
        SafetensorsWriter.Write(path, tensors, metadata);

    /// <inheritdoc />
    public void Dispose() => stream.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Entries.Count} tensors";
}
