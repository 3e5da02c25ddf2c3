using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// Keys and values of every layer for the tokens seen so far, so each generation step runs the
/// model on the new token only. Holds (B, kvHeads, T, headDim) per layer, before GQA expansion.
/// The tensors belong to the cache (not to any dispose scope) until it is disposed.
/// </summary>
sealed class KvCache(int layers) : IDisposable
{
    readonly Tensor?[] keys = new Tensor?[layers], values = new Tensor?[layers];

    /// <summary>Number of cached positions.</summary>
    public long Length => keys[0]?.shape[2] ?? 0;

    /// <summary>Adds this step's keys and values for <paramref name="layer"/> and returns all of them.</summary>
    public (Tensor Keys, Tensor Values) Append(int layer, Tensor newKeys, Tensor newValues)
    {
        keys[layer] = Extend(keys[layer], newKeys);
        values[layer] = Extend(values[layer], newValues);
        return (keys[layer]!, values[layer]!);
    }

    static Tensor Extend(Tensor? cached, Tensor added)
    {
        var combined = cached is null ? added.alias() : cat([cached, added], 2);   // (B, kvHeads, T, headDim)
        cached?.Dispose();
        return combined.DetachFromDisposeScope();
    }

    public void Dispose()
    {
        foreach (var tensor in keys.Concat(values)) tensor?.Dispose();
    }
}
