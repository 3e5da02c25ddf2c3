namespace FineTune.Kernel.Models;

// Log-likelihood scoring and perplexity.
public sealed partial class CausalLM
{
    /// <summary>
    /// The log-likelihood of <paramref name="continuation"/> token ids after <paramref name="context"/>
    /// token ids (lm-evaluation-harness's loglikelihood request).
    /// </summary>
    public ContinuationScore Score(IReadOnlyList<int> context, IReadOnlyList<int> continuation) =>
        new ContinuationScorer(this).Score([(context, continuation)], 1)[0];

    /// <summary>Scores many (context, continuation) pairs of token ids, <paramref name="batchSize"/> per forward pass.</summary>
    public IReadOnlyList<ContinuationScore> Score(IReadOnlyList<(IReadOnlyList<int> Context, IReadOnlyList<int> Continuation)> pairs, int batchSize = 8) =>
        new ContinuationScorer(this).Score(pairs, batchSize);

    /// <summary>
    /// Perplexity of a token sequence with sliding windows of <paramref name="maxLength"/> tokens
    /// (default: the model's max positions) advancing by <paramref name="stride"/> (default: half a window).
    /// </summary>
    public PerplexityResult Perplexity(IReadOnlyList<int> tokens, int? maxLength = null, int? stride = null) =>
        new PerplexityEvaluator(this).Evaluate(tokens, maxLength, stride);
}
