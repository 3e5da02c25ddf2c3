namespace FineTune.Kernel.Notebook;

/// <summary>
/// .NET Interactive (Polyglot Notebooks) looks for an attribute with exactly this name on a value's
/// type and asks the named source for formatters, with no package dependency on either side; TorchSharp
/// formats its tensors the same way. Every library type that implements <see cref="IHtmlRenderable"/>
/// carries <c>[TypeFormatterSource(typeof(HtmlFormatterSource))]</c> (inherited by subclasses; the
/// lookup ignores interfaces), so it renders as its own HTML there, as in our runner.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true)]
sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;
}
