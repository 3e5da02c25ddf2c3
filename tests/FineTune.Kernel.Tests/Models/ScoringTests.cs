using FineTune.Kernel.Models;
using static TorchSharp.torch;

namespace FineTune.Kernel.Tests.Models;

public class ScoringTests
{
    /// <summary>log softmax of one row of float64 reference logits.</summary>
    static double LogProb(double[] logits, long token)
    {
        double max = logits.Max();
        return logits[token] - max - Math.Log(logits.Sum(l => Math.Exp(l - max)));
    }

    [SkippableFact]
    public void The_log_likelihood_sums_the_reference_log_probabilities_of_the_continuation_tokens()
    {
        Skip.If(ParityFixtures.Folder is null, ParityFixtures.Missing);
        var model = ParityFixtures.Load("qwen2");
        var (sequences, logits) = ParityFixtures.Reference("qwen2");
        var tokens = sequences[0].Select(t => (int)t).ToArray();

        var score = model.Score(tokens[..10], tokens[10..]);

        // token t is predicted by the logits at position t - 1
        var expected = Enumerable.Range(10, 6).Select(t => LogProb(logits[0][t - 1], tokens[t])).ToArray();
        Assert.Equal(6, score.TokenLogProbs.Count);
        for (int i = 0; i < 6; i++) Assert.Equal(expected[i], score.TokenLogProbs[i], 1e-4);
        Assert.Equal(expected.Sum(), score.LogLikelihood, 1e-4);
        var greedy = Enumerable.Range(10, 6).Select(t => Array.IndexOf(logits[0][t - 1], logits[0][t - 1].Max()) == tokens[t]).ToArray();
        Assert.Equal(greedy, score.TokenIsGreedy);
    }

    [Fact]
    public void A_continuation_the_model_would_generate_greedily_is_greedy_and_a_changed_one_is_not()
    {
        var model = TinyModels.Create("llama");
        int[] context = [4, 8, 15, 16];
        var generated = model.Generate(context, new GenerationOptions { MaxNewTokens = 4, EosTokenIds = [] }).TokenIds.ToArray();
        var changed = (int[])generated.Clone();
        changed[2] = (changed[2] + 1) % 64;

        var greedy = model.Score(context, generated);
        var other = model.Score(context, changed);

        Assert.True(greedy.IsGreedy);
        Assert.False(other.IsGreedy);
        Assert.Equal(greedy.TokenLogProbs.Take(2), other.TokenLogProbs.Take(2));
        Assert.True(greedy.LogLikelihood > other.LogLikelihood);
    }

    [Fact]
    public void A_context_too_long_for_the_model_is_cut_from_the_left_keeping_the_continuation_whole()
    {
        var model = TinyModels.Create("gpt2");        // 64 positions
        var context = Enumerable.Range(0, 80).Select(i => i % 64).ToArray();
        int[] continuation = [3, 1, 4];

        var score = model.Score(context, continuation);
        var truncated = model.Score(context[^62..], continuation);   // 62 + 3 tokens, last one not fed: 64 positions

        Assert.Equal(62, score.ContextTokenIds.Count);
        Assert.Equal(truncated.TokenLogProbs, score.TokenLogProbs);
    }

    [Fact]
    public void Scoring_in_batches_gives_the_scores_of_scoring_one_by_one()
    {
        var model = TinyModels.Create("mistral");
        (IReadOnlyList<int>, IReadOnlyList<int>)[] pairs = [([1, 2, 3, 4, 5, 6], [7]), ([9], [10, 11, 12]), ([20, 21], [22, 23])];

        var batched = model.Score(pairs, batchSize: 3);

        for (int i = 0; i < pairs.Length; i++)
        {
            var single = model.Score(pairs[i].Item1, pairs[i].Item2);
            Assert.Equal(single.TokenLogProbs.Count, batched[i].TokenLogProbs.Count);
            for (int t = 0; t < single.TokenLogProbs.Count; t++) Assert.Equal(single.TokenLogProbs[t], batched[i].TokenLogProbs[t], 1e-5);
        }
    }

    [Fact]
    public void An_empty_continuation_is_refused()
    {
        var model = TinyModels.Create("llama");

        var error = Assert.Throws<ArgumentException>(() => model.Score([1, 2], []));

        Assert.Contains("continuation has no tokens", error.Message);
    }

    [SkippableFact]
    public void Perplexity_of_a_sequence_that_fits_one_window_is_exp_of_the_reference_mean_loss()
    {
        Skip.If(ParityFixtures.Folder is null, ParityFixtures.Missing);
        var model = ParityFixtures.Load("mistral");
        var (sequences, logits) = ParityFixtures.Reference("mistral");
        var tokens = sequences[1].Select(t => (int)t).ToArray();

        var result = model.Perplexity(tokens);

        double meanLoss = -Enumerable.Range(1, 15).Average(t => LogProb(logits[1][t - 1], tokens[t]));
        Assert.Equal(15, result.PredictedTokens);
        Assert.Equal(1, result.Windows);
        Assert.Equal(meanLoss, result.MeanNegativeLogLikelihood, 1e-5);
        Assert.Equal(Math.Exp(meanLoss), result.Perplexity, 1e-4);
    }

    [Fact]
    public void Sliding_windows_score_every_token_once_with_the_context_its_window_gives_it()
    {
        var model = TinyModels.Create("gpt2");
        var tokens = Enumerable.Range(0, 30).Select(i => (i * 7 + 3) % 64).ToArray();

        var result = model.Perplexity(tokens, maxLength: 12, stride: 5);

        // Windows start at 0, 5, 10, 15, 20 (the last reaches the end); token t is scored by the
        // first window that reaches it, with that window's start as its earliest context.
        double total = 0;
        using (no_grad())
            for (int t = 1; t < tokens.Length; t++)
            {
                int begin = Enumerable.Range(0, 5).Select(w => w * 5).First(b => t < b + 12);
                using var scope = NewDisposeScope();
                var logits = model.call(tensor(tokens[begin..t].Select(x => (long)x).ToArray()).view(1, -1));
                total -= logits[0, -1].log_softmax(0)[tokens[t]].item<float>();
            }
        Assert.Equal(29, result.PredictedTokens);
        Assert.Equal(5, result.Windows);
        Assert.Equal(total / 29, result.MeanNegativeLogLikelihood, 1e-5);
    }

    [Fact]
    public void A_stride_longer_than_the_window_is_refused_because_tokens_would_go_unscored()
    {
        var model = TinyModels.Create("gpt2");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Perplexity([1, 2, 3, 4], maxLength: 8, stride: 9));

        Assert.Contains("never be scored", error.Message);
    }
}
