using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace FineTune.Kernel.Models;

/// <summary>
/// Multi-head causal self-attention for both families. GPT-2: one fused <c>c_attn</c> projection
/// (q, k, v side by side) and <c>c_proj</c>. Llama/Mistral/Qwen2: <c>q_proj</c>, <c>k_proj</c>,
/// <c>v_proj</c>, <c>o_proj</c>, rotary positions, and grouped-query attention (k/v heads shared by
/// NumHeads / NumKeyValueHeads consecutive query heads); optional sliding window.
/// </summary>
sealed class SelfAttention : nn.Module
{
    readonly nn.Module<Tensor, Tensor>? fused, query, key, value;
    readonly nn.Module<Tensor, Tensor> output;
    readonly int layer, heads, kvHeads, headDim;
    readonly int? window;

    public SelfAttention(ModelConfig config, int layer, string prefix, WeightSource weights) : base(nameof(SelfAttention))
    {
        this.layer = layer;
        heads = config.NumHeads;
        kvHeads = config.NumKeyValueHeads;
        headDim = config.HeadDim;
        window = config.WindowOf(layer);
        int c = config.HiddenSize, qWidth = heads * headDim, kvWidth = kvHeads * headDim;
        if (config.IsGpt2)
        {
            fused = this.Registered("c_attn", weights.Linear($"{prefix}.c_attn", c, 3 * c, bias: true, conv1d: true));
            output = this.Registered("c_proj", weights.Linear($"{prefix}.c_proj", c, c, bias: true, conv1d: true, init: WeightInit.ResidualNormal));
        }
        else
        {
            query = this.Registered("q_proj", weights.Linear($"{prefix}.q_proj", c, qWidth, config.QkvBias));
            key = this.Registered("k_proj", weights.Linear($"{prefix}.k_proj", c, kvWidth, config.QkvBias));
            value = this.Registered("v_proj", weights.Linear($"{prefix}.v_proj", c, kvWidth, config.QkvBias));
            output = this.Registered("o_proj", weights.Linear($"{prefix}.o_proj", qWidth, c, config.OutputBias));
        }
    }

    /// <summary>x (B, T, C) to (B, T, C).</summary>
    public Tensor Forward(Tensor x, AttentionInputs inputs, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1];
        Tensor q, k, v;
        if (fused is not null)
        {
            var parts = fused.call(x).chunk(3, -1);                                  // 3 x (B, T, C)
            (q, k, v) = (parts[0], parts[1], parts[2]);
        }
        else
        {
            (q, k, v) = (query!.call(x), key!.call(x), value!.call(x));
        }
        q = q.view(b, t, heads, headDim).transpose(1, 2);                            // (B, nh, T, hd)
        k = k.view(b, t, kvHeads, headDim).transpose(1, 2);                          // (B, nkv, T, hd)
        v = v.view(b, t, kvHeads, headDim).transpose(1, 2);                          // (B, nkv, T, hd)
        if (inputs.Rotary is { } rotary)
        {
            q = RotaryEmbedding.Apply(q, rotary.Cos, rotary.Sin);
            k = RotaryEmbedding.Apply(k, rotary.Cos, rotary.Sin);
        }
        if (cache is not null) (k, v) = cache.Append(layer, k, v);                  // (B, nkv, past + T, hd)
        if (kvHeads != heads)
        {
            k = k.repeat_interleave(heads / kvHeads, dim: 1);                        // (B, nh, Tk, hd): head h uses kv head h / groups
            v = v.repeat_interleave(heads / kvHeads, dim: 1);
        }
        var (mask, causal) = inputs.MaskFor(window);
        var y = F.scaled_dot_product_attention(q, k, v, mask, 0, causal);            // (B, nh, T, hd)
        y = y.transpose(1, 2).reshape(b, t, heads * headDim);                        // (B, T, nh * hd)
        return output.call(y).MoveToOuterDisposeScope();
    }
}
