namespace FineTune.Kernel.Notebook;

/// <summary>
/// The formatters .NET Interactive's convention asks for: objects with <c>MimeType</c> and
/// <c>bool Format(object, TextWriter)</c>, matched by shape, not by interface.
/// </summary>
sealed class HtmlFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
        [new ConventionFormatter("text/html"), new ConventionFormatter("text/plain")];

    internal sealed class ConventionFormatter(string mimeType)
    {
        public string MimeType { get; } = mimeType;

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not IHtmlRenderable renderable) return false;
            writer.Write(MimeType == "text/html" ? renderable.ToHtml() : renderable.ToString());
            return true;
        }
    }
}
