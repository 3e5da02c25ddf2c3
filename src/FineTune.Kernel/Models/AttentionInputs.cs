using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// What every attention layer of one forward pass needs besides its input: the rotary angles
/// for the query positions and the attention mask. A key j is visible to query i when it is not
/// in the future (j &lt;= i, counted in cache positions), within the sliding window if the layer
/// has one (i - j &lt; window), and not padding. Masks are built once per window size, shared by
/// the layers, and freed when the pass is over.
/// </summary>
sealed class AttentionInputs : IDisposable
{
    readonly long queryLength, pastLength;
    readonly Tensor? keyPadding;
    readonly Device device;
    readonly Dictionary<int, Tensor?> masks = [];

    /// <param name="queryLength">T: tokens in this pass.</param>
    /// <param name="pastLength">Tokens already in the KV cache before this pass.</param>
    /// <param name="keyPadding">(B, past + T) bool, true for real tokens; null when nothing is padded.</param>
    /// <param name="device">Where masks are built.</param>
    public AttentionInputs(long queryLength, long pastLength, Tensor? keyPadding, Device device)
    {
        this.queryLength = queryLength;
        this.pastLength = pastLength;
        this.keyPadding = keyPadding;
        this.device = device;
    }

    /// <summary>Rotary cos/sin (B, 1, T, headDim), or null for models with learned positions.</summary>
    public (Tensor Cos, Tensor Sin)? Rotary { get; init; }

    /// <summary>
    /// The mask for a layer with <paramref name="window"/> (null: full causal): a bool tensor
    /// (B or 1, 1, T, past + T), true where attention is allowed; or no tensor and
    /// <c>IsCausal</c> when scaled_dot_product_attention's own causal mask is exactly right.
    /// </summary>
    public (Tensor? Mask, bool IsCausal) MaskFor(int? window)
    {
        long keyLength = pastLength + queryLength;
        bool windowBinds = window is { } w && keyLength - 1 >= w;
        if (keyPadding is null && !windowBinds)
        {
            if (queryLength == 1) return (null, false);      // one new token sees the whole cache
            if (pastLength == 0) return (null, true);
        }
        int key = windowBinds ? window!.Value : 0;
        if (!masks.TryGetValue(key, out var mask))
            masks[key] = mask = Build(keyLength, windowBinds ? window : null);
        return (mask, false);
    }

    Tensor Build(long keyLength, int? window)
    {
        using var scope = NewDisposeScope();
        var query = arange(pastLength, keyLength, device: device).unsqueeze(1);   // (T, 1) cache positions of the queries
        var keys = arange(0, keyLength, device: device).unsqueeze(0);             // (1, Tk)
        var allowed = keys <= query;                                              // (T, Tk) causal
        if (window is { } w) allowed = allowed & (query - keys < w);
        var mask = allowed.view(1, 1, queryLength, keyLength);
        if (keyPadding is not null)
        {
            mask = mask & keyPadding.view(keyPadding.shape[0], 1, 1, keyLength);  // (B, 1, T, Tk)
            // A padding query would see no key at all (softmax of nothing = NaN, which then leaks
            // into later layers); let every query see itself. Real tokens are unaffected.
            mask = mask | (keys == query).view(1, 1, queryLength, keyLength);
        }
        return mask.DetachFromDisposeScope();
    }

    public void Dispose()
    {
        foreach (var mask in masks.Values) mask?.Dispose();
    }
}
