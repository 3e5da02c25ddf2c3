namespace FineTune.Kernel.Models;

/// <summary>
/// How rotary position frequencies are stretched for longer contexts (<c>rope_scaling</c> in config.json).
/// <c>linear</c> divides every frequency by <see cref="Factor"/>; <c>llama3</c> (Llama 3.1/3.2) keeps
/// high frequencies, divides low ones by <see cref="Factor"/> and blends the band between.
/// </summary>
public sealed record RopeScaling
{
    /// <summary>The scaling types this kit implements.</summary>
    public static IReadOnlyList<string> SupportedTypes { get; } = ["linear", "llama3"];

    /// <summary>"linear" or "llama3".</summary>
    public required string Type { get; init; }

    /// <summary>How much longer the context is than the original training length (Llama 3.1: 8, Llama 3.2: 32).</summary>
    public required double Factor { get; init; }

    /// <summary>llama3 only: wavelengths above original/low_freq_factor are fully scaled (Llama 3: 1).</summary>
    public double LowFreqFactor { get; init; } = 1;

    /// <summary>llama3 only: wavelengths below original/high_freq_factor are kept (Llama 3: 4).</summary>
    public double HighFreqFactor { get; init; } = 4;

    /// <summary>llama3 only: the context length the model was first trained with (Llama 3: 8192).</summary>
    public int OriginalMaxPositions { get; init; } = 8192;
}
