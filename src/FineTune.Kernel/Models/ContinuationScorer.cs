using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// Scores continuations given contexts, in batches, the way lm-evaluation-harness's
/// <c>_loglikelihood_tokens</c> does: the model sees (context + continuation) without its last
/// token, left-truncated to the model's length; the last len(continuation) logits predict the
/// continuation. Batches are right-padded, which causal attention makes invisible to real tokens.
/// </summary>
sealed class ContinuationScorer(CausalLM model)
{
    public IReadOnlyList<ContinuationScore> Score(IReadOnlyList<(IReadOnlyList<int> Context, IReadOnlyList<int> Continuation)> pairs, int batchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "must be at least 1");
        var scores = new List<ContinuationScore>(pairs.Count);
        for (int start = 0; start < pairs.Count; start += batchSize)
            scores.AddRange(ScoreBatch(pairs.Skip(start).Take(batchSize).ToList(), start));
        return scores;
    }

    List<ContinuationScore> ScoreBatch(List<(IReadOnlyList<int> Context, IReadOnlyList<int> Continuation)> batch, int firstIndex)
    {
        int maxLength = model.Config.MaxPositions;
        var inputs = batch.Select((pair, i) => Input(pair.Context, pair.Continuation, maxLength, firstIndex + i)).ToList();
        int width = inputs.Max(input => input.Length);
        var ids = new long[batch.Count * width];                        // right-padded with token 0
        for (int b = 0; b < batch.Count; b++)
            for (int t = 0; t < inputs[b].Length; t++) ids[b * width + t] = inputs[b][t];

        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var logProbs = model.Forward(tensor(ids, [batch.Count, width]), null, null, null, lastPositionOnly: false)
            .to(ScalarType.Float32).log_softmax(-1);                    // (B, T, V)
        var results = new List<ContinuationScore>();
        for (int b = 0; b < batch.Count; b++)
        {
            var (context, continuation) = batch[b];
            int length = inputs[b].Length, count = continuation.Count;
            var rows = logProbs[b].narrow(0, length - count, count);    // (count, V): row i predicts continuation[i]
            var targets = tensor(continuation.Select(t => (long)t).ToArray()).unsqueeze(1);
            var tokenLogProbs = rows.gather(1, targets).squeeze(1).to(ScalarType.Float64).data<double>().ToArray();
            var greedy = rows.argmax(1).data<long>().ToArray();
            int contextKept = Math.Min(context.Count, length - count + 1);
            results.Add(new ContinuationScore
            {
                ContextTokenIds = context.Skip(context.Count - contextKept).ToList(),
                ContinuationTokenIds = continuation,
                TokenLogProbs = tokenLogProbs,
                TokenIsGreedy = greedy.Select((g, i) => g == continuation[i]).ToList(),
            });
        }
        return results;
    }

    /// <summary>(context + continuation)[-(maxLength + 1):][:-1], as lm-eval builds it.</summary>
    static long[] Input(IReadOnlyList<int> context, IReadOnlyList<int> continuation, int maxLength, int index)
    {
        if (context.Count == 0) throw new ArgumentException($"pair {index}: the context has no tokens (lm-eval uses the BOS or EOS token as the context of an empty string)");
        if (continuation.Count == 0) throw new ArgumentException($"pair {index}: the continuation has no tokens");
        if (continuation.Count > maxLength) throw new ArgumentException($"pair {index}: the continuation has {continuation.Count} tokens, more than the model's {maxLength} positions");
        var whole = context.Concat(continuation).Select(t => (long)t).ToArray();
        return whole[Math.Max(0, whole.Length - (maxLength + 1))..^1];
    }
}
