using FineTune.Kernel.Notebook;
using Microsoft.DotNet.Interactive.Formatting;

namespace FineTune.Notebooks.Session;

/// <summary>
/// Turns a shown or returned value into a MIME bundle (text/html and text/plain), the way Polyglot
/// Notebooks does: what the library renders itself (its <see cref="IHtmlRenderable"/> types, charts,
/// DataFrames, sequences of records) comes from FineTune.Kernel; everything else goes through
/// Microsoft.DotNet.Interactive.Formatting, the registry the Polyglot kernel uses. Strings are plain
/// text only, as there.
/// </summary>
static class ValueFormatter
{
    public const string Html = "text/html", PlainText = "text/plain";

    public static IReadOnlyDictionary<string, string> Format(object? value)
    {
        if (value is string text) return new Dictionary<string, string> { [PlainText] = text };
        if (Rendering.TryRender(value) is { } rendered)
            return new Dictionary<string, string> { [Html] = rendered.Html, [PlainText] = rendered.PlainText };
        return new Dictionary<string, string>
        {
            [Html] = value.ToDisplayString(Html),
            [PlainText] = value.ToDisplayString(PlainText),
        };
    }
}
