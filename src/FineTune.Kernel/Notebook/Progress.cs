namespace FineTune.Kernel.Notebook;

/// <summary>
/// A progress bar. Show it once and update the same output as work advances:
/// <code>
/// var bar = new Progress(0, steps, "training").Show();
/// for (int i = 1; i &lt;= steps; i++) { ...; bar.Update(new Progress(i, steps, "training")); }
/// </code>
/// </summary>
/// <param name="Done">Units of work finished so far.</param>
/// <param name="Total">Units of work in all (must be positive).</param>
/// <param name="Label">What is progressing, shown before the bar.</param>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record Progress(int Done, int Total, string? Label = null) : IHtmlRenderable
{
    /// <summary>The finished fraction, between 0 and 1.</summary>
    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);

    /// <inheritdoc/>
    public string ToHtml() =>
        $"<div class=\"finetune-progress\">{(Label is null ? "" : NotebookHtml.Encode(Label) + " ")}" +
        $"<progress value=\"{Done}\" max=\"{Total}\"></progress> {Done}/{Total} ({Math.Round(Fraction * 100)}%)</div>";

    /// <summary>The bar as text: <c>training [#####-----] 5/10</c>.</summary>
    public override string ToString()
    {
        int filled = (int)Math.Round(Fraction * 20);
        return $"{(Label is null ? "" : Label + " ")}[{new string('#', filled)}{new string('-', 20 - filled)}] {Done}/{Total}";
    }
}
