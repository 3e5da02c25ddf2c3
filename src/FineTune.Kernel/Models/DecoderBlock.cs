using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>One pre-norm transformer block: x + attention(norm(x)), then + mlp(norm(x)).</summary>
sealed class DecoderBlock : nn.Module
{
    readonly nn.Module<Tensor, Tensor> attentionNorm, mlpNorm;
    readonly SelfAttention attention;
    readonly FeedForward mlp;

    public DecoderBlock(ModelConfig config, int layer, string prefix, WeightSource weights) : base(nameof(DecoderBlock))
    {
        var names = ModuleNames.For(config);
        attentionNorm = names.Norm(weights, $"{prefix}.{names.AttentionNorm}", config);
        attention = new SelfAttention(config, layer, $"{prefix}.{names.Attention}", weights);
        mlpNorm = names.Norm(weights, $"{prefix}.{names.MlpNorm}", config);
        mlp = new FeedForward(config, $"{prefix}.mlp", weights);
        register_module(names.AttentionNorm, attentionNorm);
        register_module(names.Attention, attention);
        register_module(names.MlpNorm, mlpNorm);
        register_module("mlp", mlp);
    }

    /// <summary>x (B, T, C) to (B, T, C).</summary>
    public Tensor Forward(Tensor x, AttentionInputs inputs, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        x = x + attention.Forward(attentionNorm.call(x), inputs, cache);
        x = x + mlp.call(mlpNorm.call(x));
        return x.MoveToOuterDisposeScope();
    }
}
