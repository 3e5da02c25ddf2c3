using FineTune.Kernel.Notebook;
using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;
using Microsoft.DotNet.Interactive.Formatting;
using static FineTune.Kernel.Tests.Text.TinyTokenizerFolder;

namespace FineTune.Kernel.Tests.Text;

/// <summary>The notebook view of a tokenized text: coloured tokens with ids on hover, or a plain list.</summary>
public class TokenizedTextTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    TokenizedText Tokenize(string text, bool addBosToken = false)
    {
        WriteTokenizerJson(folder.Path, addBosToken);
        return TextTokenizer.Load(folder.Path).Tokenize(text);
    }

    [Fact]
    public void Html_shows_each_token_in_its_own_coloured_span_with_id_and_token_on_hover()
    {
        string html = Tokenize("the cat").ToHtml();

        Assert.Contains($"title=\"{Id("Ġcat")} · &quot;Ġcat&quot;\"", html);
        Assert.Contains("> cat</span>", html);
        Assert.Contains("background:", html);
        Assert.Contains("3 tokens, 7 characters", html);
    }

    [Fact]
    public void Html_escapes_the_text_and_marks_special_tokens()
    {
        string html = Tokenize("<b>&", addBosToken: true).ToHtml();

        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;", html);
        Assert.Contains("&amp;", html);
        Assert.Contains("border:1px solid", html); // the BOS badge
        Assert.Contains("&lt;|endoftext|&gt;", html);
    }

    [Fact]
    public void Polyglots_formatters_render_the_view_as_its_html_and_its_text()
    {
        var tokenized = Tokenize("the cat");

        Assert.Equal(tokenized.ToHtml(), tokenized.ToDisplayString("text/html"));
        Assert.Equal(tokenized.ToString(), tokenized.ToDisplayString("text/plain"));
    }

    [Fact]
    public void Plain_text_lists_ids_and_tokens()
    {
        string text = Tokenize("the cat").ToString();

        Assert.StartsWith("3 tokens, 7 characters", text);
        Assert.Contains($"{Id("Ġcat"),8}  \"Ġcat\"", text);
    }

    [Fact]
    public void Shown_in_a_notebook_the_view_goes_to_the_display_host()
    {
        var sink = new RecordingSink();
        var tokenized = Tokenize("the cat");

        using (Display.UseFor(sink)) tokenized.Show();

        Assert.Same(tokenized, Assert.Single(sink.Outputs));
    }
}
