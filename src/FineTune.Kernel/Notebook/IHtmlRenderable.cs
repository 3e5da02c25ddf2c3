namespace FineTune.Kernel.Notebook;

/// <summary>
/// The one convention for library results that show themselves in a notebook: implement this
/// interface, return an HTML fragment from <see cref="ToHtml"/> (no <c>&lt;html&gt;</c> or
/// <c>&lt;body&gt;</c>, no external scripts or styles), make <see cref="object.ToString"/> a
/// readable plain-text view, and put <c>[TypeFormatterSource(typeof(HtmlFormatterSource))]</c> on the
/// type (internal; Polyglot's formatter finds it by name on classes, records and structs, not on
/// interfaces; a test checks every library type carries it). The value then renders as that HTML in
/// Polyglot Notebooks (as a cell's last expression or through <c>display(...)</c>), in
/// <c>finetune run</c>'s executed notebook and HTML page, and through <see cref="Display.Show"/>;
/// plain-text hosts use <c>ToString()</c>.
/// </summary>
/// <example>
/// <code>
/// [TypeFormatterSource(typeof(HtmlFormatterSource))]
/// public sealed record LabelCounts(IReadOnlyDictionary&lt;string, int&gt; Counts) : IHtmlRenderable
/// {
///     public string ToHtml() =&gt; NotebookNotebookHtml.Table(["label", "rows"], Counts.Select(c =&gt; new object?[] { c.Key, c.Value }));
///     public override string ToString() =&gt; string.Join(", ", Counts.Select(c =&gt; $"{c.Key}: {c.Value}"));
/// }
/// </code>
/// </example>
public interface IHtmlRenderable
{
    /// <summary>This value as an HTML fragment.</summary>
    string ToHtml();
}
