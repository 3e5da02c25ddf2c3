using FineTune.Kernel.Models;
using static TorchSharp.torch;

namespace FineTune.Kernel.Tests.Models;

public class TokenSamplerTests
{
    [Fact]
    public void Repetition_penalty_divides_positive_and_multiplies_negative_logits_of_seen_tokens()
    {
        var sampler = new TokenSampler(new GenerationOptions { RepetitionPenalty = 2 }, seed: 0);
        using var logits = tensor(new float[] { 2f, -1f, 1.5f });

        // Token 0 falls from 2 to 1, below token 2 (1.5); token 1 falls from -1 to -2.
        Assert.Equal(2, sampler.Next(logits, [0, 1]));
        Assert.Equal(0, sampler.Next(logits, []));
    }

    [Fact]
    public void Top_p_never_draws_from_the_tail_beyond_p()
    {
        // probabilities 0.5, 0.3, 0.2: with top-p 0.6 the nucleus is {0, 1}
        using var logits = tensor(new[] { 0.5, 0.3, 0.2 }.Select(p => (float)Math.Log(p)).ToArray());
        var sampler = new TokenSampler(new GenerationOptions { Temperature = 1, TopP = 0.6 }, seed: 1);

        var drawn = Enumerable.Range(0, 300).Select(_ => sampler.Next(logits, [])).ToHashSet();

        Assert.Equal([0, 1], drawn.Order());
    }

    [Fact]
    public void Top_k_never_draws_outside_the_k_most_likely_tokens()
    {
        using var logits = tensor(new float[] { 0.1f, 3f, 0.2f, 2.9f, 0f });
        var sampler = new TokenSampler(new GenerationOptions { Temperature = 5, TopK = 2 }, seed: 1);

        var drawn = Enumerable.Range(0, 300).Select(_ => sampler.Next(logits, [])).ToHashSet();

        Assert.Equal([1, 3], drawn.Order());
    }

    [Fact]
    public void A_low_temperature_concentrates_samples_on_the_most_likely_token()
    {
        using var logits = tensor(new float[] { 1f, 1.2f, 0.8f });
        var hot = new TokenSampler(new GenerationOptions { Temperature = 10 }, seed: 2);
        var cold = new TokenSampler(new GenerationOptions { Temperature = 0.05 }, seed: 2);

        int hotBest = Enumerable.Range(0, 300).Count(_ => hot.Next(logits, []) == 1);
        int coldBest = Enumerable.Range(0, 300).Count(_ => cold.Next(logits, []) == 1);

        Assert.True(coldBest > 290, $"cold sampling chose the best token {coldBest}/300 times");
        Assert.True(hotBest < 150, $"hot sampling chose the best token {hotBest}/300 times");
    }
}
