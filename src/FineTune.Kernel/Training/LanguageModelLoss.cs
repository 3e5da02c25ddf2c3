using FineTune.Kernel.Models;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace FineTune.Kernel.Training;

/// <summary>
/// Next-token cross-entropy of a causal LM (nats per token), over the positions whose target is not
/// <see cref="TokenBatch.IgnoreIndex"/>: what <see cref="Trainer"/> minimises and reports.
/// <code>
/// double loss = LanguageModelLoss.Mean(CausalLM.Load("runs/tiny"), validBlocks);   // exp(loss) is the perplexity
/// </code>
/// </summary>
public static class LanguageModelLoss
{
    /// <summary>The batch's mean loss as a scalar tensor (with its graph, for backward), in the caller's dispose scope.</summary>
    internal static Tensor Of(CausalLM model, TokenBatch batch, nn.Reduction reduction = nn.Reduction.Mean)
    {
        var (inputs, targets) = batch.ToTensors(model.Device);
        var logits = model.call(inputs);                                              // (B, T, V)
        return F.cross_entropy(logits.view(-1, logits.shape[^1]).to(ScalarType.Float32), targets.view(-1),
            ignore_index: TokenBatch.IgnoreIndex, reduction: reduction);
    }

    /// <summary>Mean loss per predicted token over <paramref name="blocks"/> in order (at most <paramref name="maxBatches"/> batches), without gradients.</summary>
    public static double Mean(CausalLM model, TokenBlocks blocks, int? maxBatches = null)
    {
        using var _ = no_grad();
        double sum = 0;
        long count = 0;
        foreach (var batch in blocks.InOrder(maxBatches))
        {
            using var scope = NewDisposeScope();
            sum += Of(model, batch, nn.Reduction.Sum).item<float>();
            count += batch.PredictedTokens;
        }
        return count > 0 ? sum / count : double.NaN;
    }
}
