using FineTune.Kernel.Notebook;

namespace FineTune.Kernel.Models;

/// <summary>
/// How to generate: greedy by default (<see cref="Temperature"/> 0); sampling with a temperature,
/// optionally narrowed by <see cref="TopK"/> and <see cref="TopP"/>. Processing order is
/// transformers': repetition penalty, then temperature, top-k, top-p.
/// </summary>
public sealed record GenerationOptions
{
    /// <summary>Most tokens to add to each prompt (default 50).</summary>
    public int MaxNewTokens { get; init; } = 50;

    /// <summary>0 (default) picks the most likely token (greedy); above 0 samples, softer as it grows.</summary>
    public double Temperature { get; init; }

    /// <summary>When sampling, keep only the k most likely tokens (0 = off).</summary>
    public int TopK { get; init; }

    /// <summary>When sampling, keep the smallest set of tokens whose probability reaches p (1 = off).</summary>
    public double TopP { get; init; } = 1;

    /// <summary>Above 1 discourages tokens already in the prompt or output (CTRL's rule: divide positive logits, multiply negative ones).</summary>
    public double RepetitionPenalty { get; init; } = 1;

    /// <summary>Stop a sequence when its text contains one of these; the text ends before it. Needs a tokenizer.</summary>
    public IReadOnlyList<string> StopStrings { get; init; } = [];

    /// <summary>Token ids that end a sequence; null uses the model's (generation_config.json, config.json, tokenizer).</summary>
    public IReadOnlyList<int>? EosTokenIds { get; init; }

    /// <summary>Seed for sampling: the same seed gives the same tokens. Null picks one (reported in the result).</summary>
    public int? Seed { get; init; }

    /// <summary>Reuse keys and values of earlier positions (default). Off recomputes the whole sequence each step: same tokens, slower.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Called for each new token as it is produced.</summary>
    public Action<StreamedToken>? OnToken { get; init; }

    /// <summary>A notebook output to update in place with the text so far.</summary>
    public DisplayHandle? ShowIn { get; init; }

    internal void Validate()
    {
        if (MaxNewTokens < 0) throw new ArgumentOutOfRangeException(nameof(MaxNewTokens), MaxNewTokens, "must be 0 or more");
        if (Temperature < 0 || double.IsNaN(Temperature)) throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "must be 0 (greedy) or more");
        if (TopK < 0) throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "must be 0 (off) or more");
        if (!(TopP > 0 && TopP <= 1)) throw new ArgumentOutOfRangeException(nameof(TopP), TopP, "must be in (0, 1]");
        if (!(RepetitionPenalty > 0)) throw new ArgumentOutOfRangeException(nameof(RepetitionPenalty), RepetitionPenalty, "must be above 0 (1 = off)");
        if (StopStrings.Any(string.IsNullOrEmpty)) throw new ArgumentException("stop strings must not be empty", nameof(StopStrings));
    }
}
