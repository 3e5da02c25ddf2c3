using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// Weights read from a checkpoint while the model is built: each parameter is read from its file
/// straight into a tensor (through <c>Tensor.bytes</c>), transposed when GPT-2 stored it as Conv1D,
/// and converted to the requested dtype and device, one tensor at a time. Keys may carry
/// the <c>transformer.</c> / <c>model.</c> prefix or not. Afterwards <see cref="CheckAllUsed"/>
/// refuses checkpoints with tensors the model has no place for, except known buffers.
/// </summary>
sealed partial class CheckpointWeights : WeightSource
{
    readonly ShardedCheckpoint checkpoint;
    readonly Dictionary<string, string> keyOf = new(StringComparer.Ordinal);
    readonly HashSet<string> used = new(StringComparer.Ordinal);

    public CheckpointWeights(ShardedCheckpoint checkpoint, ScalarType dtype, Device device) : base(dtype, device)
    {
        this.checkpoint = checkpoint;
        foreach (string key in checkpoint.Tensors.Keys)
            if (!keyOf.TryAdd(Canonical(key), key))
                throw new SafetensorsException(checkpoint.Tensors[key].Path, key, $"the checkpoint also holds '{keyOf[Canonical(key)]}', the same weight under another prefix");
    }

    /// <summary>GPT-2's causal-mask buffers and Llama's rotary inv_freq: stored by old writers, recomputed here.</summary>
    [GeneratedRegex(@"^((transformer|model)\.)?(h\.\d+\.attn\.(masked_)?bias|layers\.\d+\.self_attn\.rotary_emb\.inv_freq)$")]
    private static partial Regex BufferName();

    static string Canonical(string name)
    {
        foreach (string prefix in (string[])["transformer.", "model."])
            if (name.StartsWith(prefix, StringComparison.Ordinal)) return name[prefix.Length..];
        return name;
    }

    public bool Contains(string name) => keyOf.ContainsKey(Canonical(name));

    public override Tensor Take(string name, long[] shape, WeightInit init, bool storedTransposed = false)
    {
        if (!keyOf.TryGetValue(Canonical(name), out var key))
            throw new SafetensorsException(checkpoint.Description, name, "the model needs this weight, but the checkpoint does not hold it (with or without the 'transformer.'/'model.' prefix)");
        var file = checkpoint.Tensors[key];
        long[] stored = storedTransposed ? [.. shape.Reverse()] : shape;
        if (!file[key].Shape.SequenceEqual(stored))
            throw new SafetensorsException(file.Path, key,
                $"shape [{string.Join(", ", file[key].Shape)}] does not match the [{string.Join(", ", stored)}] the config needs" + (storedTransposed ? " (GPT-2 Conv1D layout: in, out)" : ""));
        var tensor = file.ReadTensor(key);
        used.Add(key);
        if (storedTransposed)
        {
            var transposed = tensor.t().contiguous();                 // Conv1D (in, out) -> Linear (out, in)
            tensor.Dispose();
            tensor = transposed;
        }
        return Place(tensor);
    }

    /// <summary>Throws when the checkpoint holds tensors that no parameter took (known buffers aside).</summary>
    public void CheckAllUsed()
    {
        var unused = checkpoint.Tensors.Keys.Where(k => !used.Contains(k) && !BufferName().IsMatch(k)).Order(StringComparer.Ordinal).ToList();
        if (unused.Count == 0) return;
        string first = unused[0];
        throw new SafetensorsException(checkpoint.Tensors[first].Path, first,
            $"the model has no parameter for this tensor ({unused.Count} unused in all: {string.Join(", ", unused.Take(8))}{(unused.Count > 8 ? ", ..." : "")}); does config.json belong to this checkpoint?");
    }
}
