using FineTune.Kernel.Models;
using static TorchSharp.torch;

namespace FineTune.Kernel.Tests.Models;

/// <summary>Logits match the reference implementations (transformers or a checked float64 oracle) at every position.</summary>
public class ParityTests
{
    [SkippableTheory]
    [InlineData("gpt2")]
    [InlineData("distilgpt2")]
    [InlineData("llama")]
    [InlineData("llama-sharded")]
    [InlineData("mistral")]
    [InlineData("qwen2")]
    [InlineData("smollm2")]
    public void Float32_logits_match_the_reference_within_1e_4_at_every_position(string fixture)
    {
        Skip.If(ParityFixtures.Folder is null, ParityFixtures.Missing);
        using var scope = NewDisposeScope();
        var model = ParityFixtures.Load(fixture);
        var (sequences, expected) = ParityFixtures.Reference(fixture);

        var logits = model.call(tensor(sequences.SelectMany(s => s).ToArray()).view(sequences.Length, -1)).to(ScalarType.Float64);

        var reference = tensor(expected.SelectMany(s => s.SelectMany(p => p)).ToArray()).view(logits.shape);
        double maxDifference = (logits - reference).abs().max().item<double>();
        Assert.True(maxDifference < 1e-4, $"{fixture}: max abs logit difference {maxDifference:E2}");
    }
}
