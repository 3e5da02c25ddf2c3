using System.Text;
using FineTune.Kernel.Notebook;

namespace FineTune.Kernel.Data;

/// <summary>What <see cref="ChatDataValidator"/> found: format errors, warnings, token distributions and the billing estimate.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class ChatValidationReport : IHtmlRenderable
{
    internal ChatValidationReport(string name, string positionName, int records, IReadOnlyList<(string Kind, int Position)> errors,
        IReadOnlyList<ChatExampleStats> examples, int maxTokens, int epochs, string tokenizer)
    {
        Name = name;
        PositionName = positionName;
        Records = records;
        Errors = errors.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(e => e.Position).Distinct().ToList());
        ErrorCounts = errors.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
        Examples = examples;
        MaxTokens = maxTokens;
        Epochs = epochs;
        Tokenizer = tokenizer;
    }

    /// <summary>The file or dataset checked.</summary>
    public string Name { get; }

    /// <summary>What positions count ("line", "item").</summary>
    public string PositionName { get; }

    /// <summary>Records checked.</summary>
    public int Records { get; }

    /// <summary>Format errors as the cookbook counts them (one per offending message), by kind.</summary>
    public IReadOnlyDictionary<string, int> ErrorCounts { get; }

    /// <summary>For each kind of format error, the positions of the examples that have it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> Errors { get; }

    /// <summary>Whether no format error was found.</summary>
    public bool IsValid => ErrorCounts.Count == 0;

    /// <summary>Measures of every example that had a messages list.</summary>
    public IReadOnlyList<ChatExampleStats> Examples { get; }

    /// <summary>Examples without a system message.</summary>
    public int MissingSystem => Examples.Count(e => !e.HasSystem);

    /// <summary>Examples without a user message.</summary>
    public int MissingUser => Examples.Count(e => !e.HasUser);

    /// <summary>Messages per example.</summary>
    public LengthStats MessagesPerExample => LengthStats.Of(Examples.Select(e => e.Messages));

    /// <summary>Estimated tokens per example.</summary>
    public LengthStats TokensPerExample => LengthStats.Of(Examples.Select(e => e.Tokens));

    /// <summary>Assistant tokens per example.</summary>
    public LengthStats AssistantTokensPerExample => LengthStats.Of(Examples.Select(e => e.AssistantTokens));

    /// <summary>The per-example token limit; longer examples are truncated by the service.</summary>
    public int MaxTokens { get; }

    /// <summary>Positions of the examples over <see cref="MaxTokens"/>.</summary>
    public IReadOnlyList<int> OverTokenLimit => Examples.Where(e => e.Tokens > MaxTokens).Select(e => e.Position).ToList();

    /// <summary>The epochs the billing estimate is for (the cookbook's default unless given).</summary>
    public int Epochs { get; }

    /// <summary>The tokenizer tokens were counted with.</summary>
    public string Tokenizer { get; }

    /// <summary>Tokens charged per epoch: each example's tokens, capped at <see cref="MaxTokens"/>.</summary>
    public long BillingTokensPerEpoch => Examples.Sum(e => (long)Math.Min(MaxTokens, e.Tokens));

    /// <summary>Tokens charged for the whole job: <see cref="BillingTokensPerEpoch"/> x <see cref="Epochs"/>.</summary>
    public long BilledTokens => BillingTokensPerEpoch * Epochs;

    /// <summary>The report as the cookbook prints it.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Name}: {Records} examples checked").AppendLine();
        text.AppendLine(IsValid ? "No format errors found." : "Format errors: " + string.Join(", ", ErrorCounts.Select(e => $"{e.Key} {e.Value} (first at {PositionName} {Errors[e.Key][0]})")));
        text.AppendLine($"Examples missing a system message: {MissingSystem}; missing a user message: {MissingUser}");
        text.AppendLine($"Messages per example: {MessagesPerExample}");
        text.AppendLine($"Tokens per example ({Tokenizer}): {TokensPerExample}; assistant tokens: {AssistantTokensPerExample}");
        text.AppendLine($"{OverTokenLimit.Count} examples over the {MaxTokens}-token limit (they would be truncated)");
        text.Append($"About {BillingTokensPerEpoch:N0} billed tokens per epoch; {Epochs} epochs: about {BilledTokens:N0} tokens");
        return text.ToString();
    }

    /// <inheritdoc/>
    public string ToHtml()
    {
        var html = new StringBuilder($"<div class=\"finetune-validation\"><p><b>{NotebookHtml.Encode(Name)}</b>: {Records} examples checked; ")
            .Append(IsValid ? "no format errors.</p>" : "format errors found.</p>");
        if (!IsValid)
            html.Append(NotebookHtml.Table(["error", "count", $"first {PositionName}s"],
                ErrorCounts.Select(e => new object?[] { e.Key, e.Value, string.Join(", ", Errors[e.Key].Take(5)) })));
        html.Append(NotebookHtml.Table(["per example", "min", "mean", "p5", "p50", "p95", "max"],
            new[] { ("messages", MessagesPerExample), ($"tokens ({Tokenizer})", TokensPerExample), ("assistant tokens", AssistantTokensPerExample) }
                .Select(r => new object?[] { r.Item1, r.Item2.Min, r.Item2.Mean, r.Item2.P5, r.Item2.P50, r.Item2.P95, r.Item2.Max })));
        html.Append($"<p>Missing a system message: {MissingSystem}; missing a user message: {MissingUser}. ")
            .Append($"{OverTokenLimit.Count} examples over the {MaxTokens}-token limit. ")
            .Append($"About {BillingTokensPerEpoch:N0} billed tokens per epoch; {Epochs} epochs: about {BilledTokens:N0} tokens.</p>");
        return html.Append("</div>").ToString();
    }
}
