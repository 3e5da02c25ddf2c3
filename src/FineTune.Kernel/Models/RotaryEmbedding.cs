using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// Rotary position embedding in Hugging Face's layout ("rotate half"): dimension i of a head is
/// rotated together with dimension i + headDim/2, by the angle position x inv_freq[i], where
/// inv_freq[i] = theta^(-2i/headDim), optionally rescaled (linear or llama3 rope_scaling).
/// Angles are computed in float32, as transformers does, and cast to the model dtype.
/// </summary>
sealed class RotaryEmbedding
{
    readonly float[] inverseFrequencies;

    public RotaryEmbedding(ModelConfig config)
    {
        inverseFrequencies = InverseFrequencies(config.HeadDim, config.RopeTheta, config.RopeScaling).Select(f => (float)f).ToArray();
    }

    /// <summary>inv_freq, one per pair of dimensions (headDim / 2 values).</summary>
    public static double[] InverseFrequencies(int headDim, double theta, RopeScaling? scaling)
    {
        var frequencies = Enumerable.Range(0, headDim / 2).Select(i => 1.0 / Math.Pow(theta, 2.0 * i / headDim)).ToArray();
        return scaling?.Type switch
        {
            null => frequencies,
            "linear" => frequencies.Select(f => f / scaling.Factor).ToArray(),
            "llama3" => frequencies.Select(f => Llama3(f, scaling)).ToArray(),
            _ => throw new NotSupportedException($"rope_scaling type '{scaling.Type}'"),
        };
    }

    /// <summary>Llama 3.1: keep short wavelengths, divide long ones by the factor, blend in between.</summary>
    static double Llama3(double frequency, RopeScaling s)
    {
        double wavelength = 2 * Math.PI / frequency;
        double lowFrequencyWavelength = s.OriginalMaxPositions / s.LowFreqFactor;
        double highFrequencyWavelength = s.OriginalMaxPositions / s.HighFreqFactor;
        if (wavelength < highFrequencyWavelength) return frequency;
        if (wavelength > lowFrequencyWavelength) return frequency / s.Factor;
        double smooth = (s.OriginalMaxPositions / wavelength - s.LowFreqFactor) / (s.HighFreqFactor - s.LowFreqFactor);
        return (1 - smooth) * frequency / s.Factor + smooth * frequency;
    }

    /// <summary>cos and sin of every angle for <paramref name="positions"/> (B, T), shaped (B, 1, T, headDim) to broadcast over heads.</summary>
    public (Tensor Cos, Tensor Sin) Angles(Tensor positions, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var inverse = tensor(inverseFrequencies, device: positions.device);          // (hd/2)
        var angles = positions.to(ScalarType.Float32).unsqueeze(-1) * inverse;       // (B, T, hd/2)
        var both = cat([angles, angles], -1).unsqueeze(1);                            // (B, 1, T, hd)
        return (both.cos().to(dtype).MoveToOuterDisposeScope(), both.sin().to(dtype).MoveToOuterDisposeScope());
    }

    /// <summary>Rotates <paramref name="x"/> (B, heads, T, headDim) by the angles from <see cref="Angles"/>.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        long half = x.shape[^1] / 2;
        var first = x.narrow(-1, 0, half);
        var second = x.narrow(-1, half, half);
        var rotated = cat([-second, first], -1);                                     // rotate_half(x)
        return (x * cos + rotated * sin).MoveToOuterDisposeScope();
    }
}
