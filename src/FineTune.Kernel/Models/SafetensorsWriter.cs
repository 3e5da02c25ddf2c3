using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using FineTune.Kernel.IO;
using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// Writes safetensors files as the reference writer does: tensors sorted by descending dtype
/// size, then by name; the JSON header (metadata first) padded with spaces to a multiple of 8 so
/// the data starts 8-byte aligned. Files are written atomically.
/// </summary>
static class SafetensorsWriter
{
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata) =>
        Write(path, tensors.Select(pair => new TensorToWrite(pair.Key, pair.Value.shape, pair.Value.dtype, () => pair.Value.alias())).ToList(), metadata);

    /// <summary>
    /// Writes tensors that are produced one at a time while the data is written (and disposed
    /// right after), so a writer that must transform weights never holds two copies of the model.
    /// </summary>
    public static void Write(string path, IReadOnlyList<TensorToWrite> tensors, IReadOnlyDictionary<string, string>? metadata,
        long chunkBytes = SafetensorsFile.DefaultChunkBytes)
    {
        var ordered = tensors
            .Select(t => (Tensor: t, DType: DTypeOf(t.Name, t.DType, path)))
            .OrderByDescending(t => SafetensorsDtype.BitSize(t.DType))
            .ThenBy(t => t.Tensor.Name, StringComparer.Ordinal)
            .ToList();
        var duplicate = ordered.GroupBy(t => t.Tensor.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"{path}: tensor '{duplicate.Key}' is given twice", nameof(tensors));

        byte[] header = Header(ordered.Select(t => (t.Tensor.Name, t.DType, t.Tensor.Shape, t.Tensor.ByteLength)), metadata);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> prefix = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
            stream.Write(prefix);
            stream.Write(header);
            foreach (var (tensor, _) in ordered)
            {
                using var data = tensor.Produce();
                if (!data.shape.SequenceEqual(tensor.Shape) || data.dtype != tensor.DType)
                    throw new InvalidOperationException($"{path}: tensor '{tensor.Name}' changed shape or dtype while it was written");
                WriteData(stream, data, chunkBytes);
            }
        });
    }

    static string DTypeOf(string name, ScalarType dtype, string path) =>
        SafetensorsDtype.FromTorch(dtype)
        ?? throw new ArgumentException($"{path}: tensor '{name}' has dtype {dtype}, which safetensors cannot hold");

    static byte[] Header(IEnumerable<(string Name, string DType, long[] Shape, long Bytes)> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal)) json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, dtype, shape, bytes) in tensors)
            {
                json.WriteStartObject(name);
                json.WriteString("dtype", dtype);
                json.WriteStartArray("shape");
                foreach (long dimension in shape) json.WriteNumberValue(dimension);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + bytes);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += bytes;
            }
            json.WriteEndObject();
        }
        int padding = (int)((8 - buffer.Length % 8) % 8);
        for (int i = 0; i < padding; i++) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    static void WriteData(Stream stream, Tensor tensor, long chunkBytes)
    {
        using var cpu = tensor.device_type == TorchSharp.DeviceType.CPU ? tensor.contiguous() : tensor.cpu().contiguous();
        if (cpu.numel() * cpu.ElementSize <= chunkBytes)
        {
            stream.Write(cpu.bytes);
            return;
        }
        using var flat = cpu.view(-1);
        long chunk = Math.Max(1, chunkBytes / cpu.ElementSize);
        for (long start = 0; start < flat.shape[0]; start += chunk)
        {
            using var slice = flat.narrow(0, start, Math.Min(chunk, flat.shape[0] - start));
            stream.Write(slice.bytes);
        }
    }
}

/// <summary>A tensor to write: its header facts up front, its data produced when its turn comes.</summary>
sealed record TensorToWrite(string Name, long[] Shape, ScalarType DType, Func<Tensor> Produce)
{
    public long ByteLength => Shape.Aggregate(1L, (n, d) => n * d) * (SafetensorsDtype.BitSize(SafetensorsDtype.FromTorch(DType) ?? "U8") / 8);
}
