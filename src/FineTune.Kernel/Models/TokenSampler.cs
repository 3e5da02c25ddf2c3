using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// Picks the next token from one row of logits, as transformers' logits processors do:
/// repetition penalty, then (sampling only) temperature, top-k and top-p, then argmax or a draw.
/// </summary>
sealed class TokenSampler
{
    readonly GenerationOptions options;
    readonly Generator? random;

    public TokenSampler(GenerationOptions options, int seed)
    {
        this.options = options;
        if (IsSampling) random = new Generator((ulong)seed);
    }

    public bool IsSampling => options.Temperature > 0;

    /// <summary>The next token for <paramref name="logits"/> (V) after <paramref name="history"/> (prompt and output so far).</summary>
    public int Next(Tensor logits, IReadOnlyCollection<int> history)
    {
        using var scope = NewDisposeScope();
        var scores = logits.to(ScalarType.Float32, CPU).clone();                            // (V)
        if (options.RepetitionPenalty != 1 && history.Count > 0)
        {
            var seen = tensor(history.Distinct().Select(id => (long)id).ToArray());
            var previous = scores.gather(0, seen);
            scores.scatter_(0, seen, where(previous < 0, previous * options.RepetitionPenalty, previous / options.RepetitionPenalty));
        }
        if (!IsSampling) return (int)scores.argmax().item<long>();

        scores = scores / options.Temperature;
        if (options.TopK > 0 && options.TopK < scores.shape[0])
        {
            var kth = scores.topk(options.TopK).values[-1];
            scores = scores.masked_fill(scores < kth, double.NegativeInfinity);
        }
        if (options.TopP < 1)
        {
            var (sorted, order) = scores.sort(descending: false);                            // ascending
            var remove = sorted.softmax(0).cumsum(0) <= 1 - options.TopP;                    // the unlikely tail
            remove[-1] = false;                                                              // always keep the best token
            scores = scores.masked_fill(remove.scatter(0, order, remove), double.NegativeInfinity);
        }
        return (int)multinomial(scores.softmax(0), 1, generator: random).item<long>();
    }
}
