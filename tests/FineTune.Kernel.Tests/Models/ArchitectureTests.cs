using FineTune.Kernel.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FineTune.Kernel.Tests.Models;

/// <summary>The decoder's parts against their textbook formulas, on tensors small enough to compute by hand.</summary>
public class ArchitectureTests
{
    [Theory]
    [InlineData("gpt2")]
    [InlineData("llama")]
    [InlineData("mistral")]
    [InlineData("qwen2")]
    public void Changing_a_later_token_never_changes_an_earlier_logit(string family)
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(family);
        long[] tokens = [3, 9, 27, 1, 44, 5, 12, 60, 7, 33];
        var changed = (long[])tokens.Clone();
        changed[6] = 50;

        var before = model.call(tensor(tokens).view(1, -1));
        var after = model.call(tensor(changed).view(1, -1));

        Assert.True(before.narrow(1, 0, 6).equal(after.narrow(1, 0, 6)).all().item<bool>());
        Assert.False(before.narrow(1, 6, 4).allclose(after.narrow(1, 6, 4)));
    }

    [Fact]
    public void A_sliding_window_keeps_tokens_further_back_than_the_window_reaches_out_of_view()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create("mistral");   // window 5, 2 layers: a position sees at most 2 x 4 = 8 tokens back
        long[] tokens = Enumerable.Range(1, 14).Select(t => (long)t).ToArray();
        var changed = (long[])tokens.Clone();
        changed[0] = 40;

        var before = model.call(tensor(tokens).view(1, -1));
        var after = model.call(tensor(changed).view(1, -1));

        Assert.False(before[0, 8].allclose(after[0, 8]));                      // 8 back: still reached through two layers
        Assert.True(before.narrow(1, 9, 5).equal(after.narrow(1, 9, 5)).all().item<bool>());
    }

    [Fact]
    public void Left_padding_leaves_the_logits_of_the_real_tokens_unchanged()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create("llama");
        long[] tokens = [3, 9, 27, 1, 44];

        var alone = model.call(tensor(tokens).view(1, -1));
        var padded = model.Forward(tensor(new long[] { 0, 0, 0, 3, 9, 27, 1, 44 }).view(1, -1),
            tensor(new long[] { 1, 1, 1, 0, 1, 2, 3, 4 }).view(1, -1),
            tensor(new[] { false, false, false, true, true, true, true, true }).view(1, -1), null, lastPositionOnly: false);

        Assert.True(padded.narrow(1, 3, 5).allclose(alone, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void Rotary_embedding_rotates_dimension_i_with_i_plus_half_by_position_times_theta_to_the_minus_2i_over_d()
    {
        using var scope = NewDisposeScope();
        const int headDim = 8, positions = 6;
        const double theta = 10000;
        var rotary = new RotaryEmbedding(new ModelConfig { ModelType = "llama", VocabSize = 4, HiddenSize = 16, NumLayers = 1, NumHeads = 2, RopeTheta = theta });
        var x = randn([1, 2, positions, headDim], ScalarType.Float64, generator: new Generator(1));
        var (cos, sin) = rotary.Angles(arange(positions).view(1, -1), ScalarType.Float64);

        var rotated = RotaryEmbedding.Apply(x, cos, sin);

        var values = x.data<double>().ToArray();
        var actual = rotated.data<double>().ToArray();
        for (int h = 0; h < 2; h++)
            for (int p = 0; p < positions; p++)
                for (int i = 0; i < headDim / 2; i++)
                {
                    int row = (h * positions + p) * headDim;
                    double angle = p * Math.Pow(theta, -2.0 * i / headDim);
                    double a = values[row + i], b = values[row + i + headDim / 2];
                    Assert.Equal(a * Math.Cos(angle) - b * Math.Sin(angle), actual[row + i], 1e-5);
                    Assert.Equal(b * Math.Cos(angle) + a * Math.Sin(angle), actual[row + i + headDim / 2], 1e-5);
                }
    }

    [Fact]
    public void Linear_rope_scaling_divides_every_frequency_by_the_factor()
    {
        var plain = RotaryEmbedding.InverseFrequencies(64, 10000, null);
        var scaled = RotaryEmbedding.InverseFrequencies(64, 10000, new RopeScaling { Type = "linear", Factor = 4 });

        Assert.Equal(plain.Select(f => f / 4), scaled);
    }

    [Fact]
    public void Llama3_rope_scaling_keeps_short_wavelengths_divides_long_ones_and_blends_between()
    {
        var scaling = new RopeScaling { Type = "llama3", Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192 };
        var plain = RotaryEmbedding.InverseFrequencies(128, 500000, null);
        var scaled = RotaryEmbedding.InverseFrequencies(128, 500000, scaling);

        for (int i = 0; i < plain.Length; i++)
        {
            double wavelength = 2 * Math.PI / plain[i];
            if (wavelength < 8192 / 4.0) Assert.Equal(plain[i], scaled[i]);                 // high frequency: kept
            else if (wavelength > 8192 / 1.0) Assert.Equal(plain[i] / 8, scaled[i], 15);    // low frequency: / factor
            else
            {
                double smooth = (8192 / wavelength - 1) / (4 - 1);
                Assert.InRange(smooth, 0, 1);
                Assert.Equal(smooth * plain[i] + (1 - smooth) * plain[i] / 8, scaled[i], 15);
            }
        }
        Assert.Contains(plain, f => 2 * Math.PI / f is > 2048 and < 8192);                     // the blend band is exercised
    }

    [Fact]
    public void Grouped_query_attention_matches_the_formula_with_query_head_h_reading_kv_head_h_over_groups()
    {
        using var scope = NewDisposeScope();
        // 4 query heads share 2 kv heads (groups of 2), head dim 2, rotary angles, 3 positions.
        var config = new ModelConfig { ModelType = "llama", VocabSize = 4, HiddenSize = 8, NumLayers = 1, NumHeads = 4, NumKeyValueHeads = 2, HeadDim = 2, InitializerRange = 0.5 };
        var attention = new SelfAttention(config, 0, "attn", new RandomWeights(config, 3, ScalarType.Float64, CPU));
        var x = randn([1, 3, 8], ScalarType.Float64, generator: new Generator(2));
        var rotary = new RotaryEmbedding(config);
        using var inputs = new AttentionInputs(3, 0, null, CPU) { Rotary = rotary.Angles(arange(3).view(1, -1), ScalarType.Float64) };

        var actual = attention.Forward(x, inputs, null).data<double>().ToArray();

        var weights = attention.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        double[,] q = Project(x, weights["q_proj.weight"]), k = Project(x, weights["k_proj.weight"]), v = Project(x, weights["v_proj.weight"]);
        var heads = new double[3, 8];
        for (int h = 0; h < 4; h++)
        {
            int g = h / 2;                                                                      // kv head of query head h
            for (int i = 0; i < 3; i++)
            {
                var scores = Enumerable.Range(0, i + 1)
                    .Select(j => Dot(Rotate(q, i, h * 2, i), Rotate(k, j, g * 2, j)) / Math.Sqrt(2)).ToArray();
                var weightsOf = Softmax(scores);
                for (int d = 0; d < 2; d++)
                    heads[i, h * 2 + d] = Enumerable.Range(0, i + 1).Sum(j => weightsOf[j] * v[j, g * 2 + d]);
            }
        }
        var output = weights["o_proj.weight"].data<double>().ToArray();                         // (8, 8) out x in
        for (int i = 0; i < 3; i++)
            for (int o = 0; o < 8; o++)
                Assert.Equal(Enumerable.Range(0, 8).Sum(n => heads[i, n] * output[o * 8 + n]), actual[i * 8 + o], 1e-6);   // rotary angles are float32, as in transformers
    }

    static double[,] Project(Tensor x, Parameter weight)                                       // x (1, T, in) @ W.T
    {
        var xs = x.data<double>().ToArray();
        var w = weight.data<double>().ToArray();
        long outputs = weight.shape[0], inputs = weight.shape[1], t = x.shape[1];
        var result = new double[t, outputs];
        for (int i = 0; i < t; i++)
            for (int o = 0; o < outputs; o++)
                for (int n = 0; n < inputs; n++) result[i, o] += xs[i * inputs + n] * w[o * inputs + n];
        return result;
    }

    /// <summary>A head-dim-2 vector at <paramref name="offset"/> rotated by position x theta^0 (its one frequency).</summary>
    static double[] Rotate(double[,] m, int row, int offset, int position)
    {
        double a = m[row, offset], b = m[row, offset + 1];
        return [a * Math.Cos(position) - b * Math.Sin(position), b * Math.Cos(position) + a * Math.Sin(position)];
    }

    static double Dot(double[] a, double[] b) => a.Zip(b, (p, q) => p * q).Sum();

    static double[] Softmax(double[] scores)
    {
        double max = scores.Max();
        var e = scores.Select(s => Math.Exp(s - max)).ToArray();
        return e.Select(v => v / e.Sum()).ToArray();
    }

    [Fact]
    public void RMSNorm_divides_by_the_root_mean_square_in_float32_even_for_bfloat16_input()
    {
        using var scope = NewDisposeScope();
        var norm = new RmsNorm(tensor(new float[] { 1, 2, 0.5f, 1 }).to(ScalarType.BFloat16), eps: 1e-6);
        var x = tensor(new float[] { 300, -200, 100, 400 }).to(ScalarType.BFloat16);

        var y = norm.call(x);

        double rms = Math.Sqrt((300.0 * 300 + 200 * 200 + 100 * 100 + 400 * 400) / 4);
        Assert.Equal(ScalarType.BFloat16, y.dtype);
        var expected = new[] { 300 / rms, -400 / rms, 50 / rms, 400 / rms };
        var actual = y.to(ScalarType.Float32).data<float>().ToArray();
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], actual[i], 1e-2);
    }
}
