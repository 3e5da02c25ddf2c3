using System.Globalization;
using System.Net;
using System.Text;

using FineTune.Kernel.Notebook;

namespace FineTune.Kernel.Models;

/// <summary>
/// How likely a model finds a continuation after a context, scored as lm-evaluation-harness does:
/// the sum of the continuation tokens' log-probabilities (natural log), each token's value, and
/// whether greedy decoding would have produced exactly this continuation.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record ContinuationScore : IHtmlRenderable
{
    /// <summary>The context text, when scored from text.</summary>
    public string? Context { get; init; }

    /// <summary>The continuation text, when scored from text (trailing spaces of the context move here, as lm-eval does).</summary>
    public string? Continuation { get; init; }

    /// <summary>The context's token ids as fed to the model (left-truncated to the model's length if needed).</summary>
    public required IReadOnlyList<int> ContextTokenIds { get; init; }

    /// <summary>The continuation's token ids.</summary>
    public required IReadOnlyList<int> ContinuationTokenIds { get; init; }

    /// <summary>log p(token | everything before it), one per continuation token.</summary>
    public required IReadOnlyList<double> TokenLogProbs { get; init; }

    /// <summary>Whether each continuation token was the model's most likely next token.</summary>
    public required IReadOnlyList<bool> TokenIsGreedy { get; init; }

    /// <summary>The sum of <see cref="TokenLogProbs"/>: lm-eval's log-likelihood.</summary>
    public double LogLikelihood => TokenLogProbs.Sum();

    /// <summary>Whether every continuation token was the greedy choice (lm-eval's is_greedy).</summary>
    public bool IsGreedy => TokenIsGreedy.All(g => g);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"log-likelihood {LogLikelihood:F4} over {TokenLogProbs.Count} tokens, greedy: {(IsGreedy ? "yes" : "no")}");

    /// <summary>A table of the continuation's tokens and their log-probabilities, for a notebook.</summary>
    public string ToHtml()
    {
        var rows = TokenLogProbs.Select((logProb, i) => new object?[]
            { ContinuationTokenIds[i], logProb.ToString("F4", CultureInfo.InvariantCulture), TokenIsGreedy[i] ? "yes" : "no" });
        return $"<div>{NotebookHtml.Encode(ToString())}</div>" + NotebookHtml.Table(["token id", "log p", "greedy"], rows);
    }
}
