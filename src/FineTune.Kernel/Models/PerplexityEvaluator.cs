using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// Sliding-window perplexity (Hugging Face's "Perplexity of fixed-length models" guide): windows of
/// maxLength tokens start every stride tokens; each window scores only the tokens the previous
/// window did not reach, so every token after the first is predicted exactly once.
/// </summary>
sealed class PerplexityEvaluator(CausalLM model)
{
    public PerplexityResult Evaluate(IReadOnlyList<int> tokens, int? maxLength, int? stride)
    {
        int length = maxLength ?? model.Config.MaxPositions;
        int step = stride ?? Math.Max(1, length / 2);
        if (length < 2 || length > model.Config.MaxPositions)
            throw new ArgumentOutOfRangeException(nameof(maxLength), length, $"must be between 2 and the model's {model.Config.MaxPositions} positions");
        if (step < 1 || step > length)
            throw new ArgumentOutOfRangeException(nameof(stride), step, $"must be between 1 and maxLength ({length}), or some tokens would never be scored");
        if (tokens.Count < 2) throw new ArgumentException("perplexity needs at least 2 tokens", nameof(tokens));

        double negativeLogLikelihood = 0;
        int predicted = 0, windows = 0, previousEnd = 0;
        using var noGrad = no_grad();
        for (int begin = 0; ; begin += step)
        {
            int end = Math.Min(begin + length, tokens.Count);
            int firstTarget = Math.Max(previousEnd, begin + 1);          // tokens [firstTarget, end) are new to this window
            negativeLogLikelihood += WindowLoss(tokens, begin, end, firstTarget);
            predicted += end - firstTarget;
            windows++;
            previousEnd = end;
            if (end == tokens.Count) break;
        }
        return new PerplexityResult
        {
            MeanNegativeLogLikelihood = negativeLogLikelihood / predicted,
            PredictedTokens = predicted, Windows = windows, MaxLength = length, Stride = step,
        };
    }

    /// <summary>Sum of -log p(token t | tokens begin..t-1) for t in [firstTarget, end).</summary>
    double WindowLoss(IReadOnlyList<int> tokens, int begin, int end, int firstTarget)
    {
        using var scope = NewDisposeScope();
        var window = tensor(tokens.Skip(begin).Take(end - begin).Select(t => (long)t).ToArray()).unsqueeze(0);   // (1, W)
        var logProbs = model.call(window)[0].to(ScalarType.Float32).log_softmax(-1);                                // (W, V)
        int count = end - firstTarget;
        var rows = logProbs.narrow(0, firstTarget - 1 - begin, count);                                             // row of t-1 predicts t
        var targets = tensor(tokens.Skip(firstTarget).Take(count).Select(t => (long)t).ToArray()).unsqueeze(1);
        return -rows.gather(1, targets).to(ScalarType.Float64).sum().item<double>();
    }
}
