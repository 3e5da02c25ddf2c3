using System.Globalization;

namespace FineTune.Kernel.Models;

/// <summary>
/// Perplexity of a text: exp of the mean negative log-likelihood per predicted token, computed
/// over sliding windows of <see cref="MaxLength"/> tokens that advance by <see cref="Stride"/>
/// (the Hugging Face perplexity guide's method; each token is scored once, with up to
/// MaxLength - Stride tokens of extra context).
/// </summary>
public sealed record PerplexityResult
{
    /// <summary>exp(mean negative log-likelihood).</summary>
    public double Perplexity => Math.Exp(MeanNegativeLogLikelihood);

    /// <summary>Mean negative log-likelihood per predicted token, in nats.</summary>
    public required double MeanNegativeLogLikelihood { get; init; }

    /// <summary>Number of tokens predicted (all but the first token of the text).</summary>
    public required int PredictedTokens { get; init; }

    /// <summary>Number of forward passes (windows).</summary>
    public required int Windows { get; init; }

    /// <summary>Tokens per window.</summary>
    public required int MaxLength { get; init; }

    /// <summary>How far each window advances.</summary>
    public required int Stride { get; init; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"perplexity {Perplexity:F3} (mean NLL {MeanNegativeLogLikelihood:F4} nats over {PredictedTokens} tokens; {Windows} windows of {MaxLength}, stride {Stride})");
}
