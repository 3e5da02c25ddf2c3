using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// The body of the model (<c>transformer</c> in GPT-2, <c>model</c> in Llama): token embeddings,
/// learned positions (GPT-2) or rotary angles (Llama family), the blocks, and the final norm.
/// </summary>
sealed class DecoderStack : nn.Module
{
    readonly Embedding tokens;
    readonly Embedding? positions;
    readonly ModuleList<DecoderBlock> blocks;
    readonly nn.Module<Tensor, Tensor> finalNorm;
    readonly RotaryEmbedding? rotary;

    public DecoderStack(ModelConfig config, WeightSource weights) : base(nameof(DecoderStack))
    {
        var names = ModuleNames.For(config);
        string prefix = names.Trunk;
        tokens = weights.Embedding($"{prefix}.{names.Embeddings}", config.VocabSize, config.HiddenSize);
        register_module(names.Embeddings, tokens);
        if (names.Positions is { } positionName)
        {
            positions = weights.Embedding($"{prefix}.{positionName}", config.MaxPositions, config.HiddenSize);
            register_module(positionName, positions);
        }
        else
        {
            rotary = new RotaryEmbedding(config);
        }
        blocks = new ModuleList<DecoderBlock>(Enumerable.Range(0, config.NumLayers)
            .Select(i => new DecoderBlock(config, i, $"{prefix}.{names.Layers}.{i}", weights)).ToArray());
        register_module(names.Layers, blocks);
        finalNorm = names.Norm(weights, $"{prefix}.{names.FinalNorm}", config);
        register_module(names.FinalNorm, finalNorm);
    }

    /// <summary>The token embedding matrix (V, C), which a tied output head shares.</summary>
    public Embedding Tokens => tokens;

    /// <summary>
    /// ids (B, T) at <paramref name="positionIds"/> (B, T) to hidden states (B, T, C).
    /// <paramref name="keyPadding"/> (B, past + T): false marks padding; null when nothing is padded.
    /// </summary>
    public Tensor Forward(Tensor ids, Tensor positionIds, Tensor? keyPadding, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        var x = tokens.call(ids);                                                    // (B, T, C)
        if (positions is not null) x = x + positions.call(positionIds);             // GPT-2: learned positions
        using var inputs = new AttentionInputs(ids.shape[1], cache?.Length ?? 0, keyPadding, ids.device)
        {
            Rotary = rotary?.Angles(positionIds, x.dtype),
        };
        foreach (var block in blocks) x = block.Forward(x, inputs, cache);
        return finalNorm.call(x).MoveToOuterDisposeScope();
    }
}
