using System.Net;

using FineTune.Kernel.Notebook;

namespace FineTune.Kernel.Models;

/// <summary>What one prompt produced: the new tokens, their text (when the model has a tokenizer), and why it stopped.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record GenerationResult : IHtmlRenderable
{
    /// <summary>The prompt text, when generation started from text.</summary>
    public string? Prompt { get; init; }

    /// <summary>The prompt's token ids.</summary>
    public required IReadOnlyList<int> PromptTokenIds { get; init; }

    /// <summary>The generated token ids (an end-of-sequence token included when one ended it).</summary>
    public required IReadOnlyList<int> TokenIds { get; init; }

    /// <summary>The generated text (special tokens left out), or null without a tokenizer.</summary>
    public string? Text { get; init; }

    /// <summary>Why it stopped.</summary>
    public required FinishReason FinishReason { get; init; }

    /// <summary>The sampling seed (null for greedy decoding): pass it back to reproduce the output.</summary>
    public int? Seed { get; init; }

    /// <summary>The generated text, or the token ids when there is no tokenizer.</summary>
    public override string ToString() => Text ?? string.Join(" ", TokenIds);

    /// <summary>The prompt (dimmed) and the continuation, for a notebook.</summary>
    public string ToHtml() =>
        $"<div style=\"white-space:pre-wrap;font-family:monospace\"><span style=\"opacity:0.6\">{WebUtility.HtmlEncode(Prompt ?? "")}</span>" +
        $"<b>{WebUtility.HtmlEncode(ToString())}</b></div>" +
        $"<div style=\"font-size:smaller;opacity:0.6\">{TokenIds.Count} tokens, stopped: {FinishReason}{(Seed is { } s ? $", seed {s}" : "")}</div>";
}
