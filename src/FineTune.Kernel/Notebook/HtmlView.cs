namespace FineTune.Kernel.Notebook;

/// <summary>
/// A ready-made HTML fragment with its plain-text form, shown as is:
/// <c>new HtmlView("&lt;b&gt;done&lt;/b&gt;", "done").Show();</c>
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record HtmlView(string Html, string PlainText) : IHtmlRenderable
{
    /// <inheritdoc/>
    public string ToHtml() => Html;

    /// <summary>The plain-text form.</summary>
    public override string ToString() => PlainText;
}
