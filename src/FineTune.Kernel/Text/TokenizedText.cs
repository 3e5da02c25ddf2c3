using System.Text;
using FineTune.Kernel.Notebook;

namespace FineTune.Kernel.Text;

/// <summary>
/// A text with its tokens, for looking at how a tokenizer cuts it: in a notebook it renders as the
/// text with each token coloured and its id shown on hover; as plain text it lists ids and tokens.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class TokenizedText : IHtmlRenderable
{
    const int PlainTextLimit = 64;
    static readonly string[] Palette = ["#fde68a", "#bbf7d0", "#bfdbfe", "#fbcfe8", "#ddd6fe", "#fed7aa"];

    internal TokenizedText(string text, IReadOnlyList<TextToken> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    /// <summary>The text that was encoded.</summary>
    public string Text { get; }

    /// <summary>The tokens, in order, with their offsets into <see cref="Text"/>.</summary>
    public IReadOnlyList<TextToken> Tokens { get; }

    /// <summary>The token ids, in order.</summary>
    public IReadOnlyList<int> Ids => Tokens.Select(t => t.Id).ToList();

    /// <summary>How many tokens.</summary>
    public int Count => Tokens.Count;

    /// <summary>The characters of <see cref="Text"/> a token covers ("" for special tokens added around the text).</summary>
    public string TextOf(TextToken token) => Text.Substring(token.Start, token.Length);

    /// <summary>"9 tokens, 23 characters" and then one line per token: id and token string.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder($"{Count} tokens, {Text.Length} characters");
        foreach (var token in Tokens.Take(PlainTextLimit))
            builder.Append('\n').Append($"{token.Id,8}  {Quote(token.Token)}").Append(token.IsSpecial ? "  (special)" : "");
        if (Count > PlainTextLimit) builder.Append($"\n     ... {Count - PlainTextLimit} more");
        return builder.ToString();
    }

    /// <summary>The text as HTML: one coloured span per token, its id and token string in the hover title.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<div class=\"finetune-tokenized\" style=\"font-family:ui-monospace,monospace;line-height:1.9;white-space:pre-wrap\">");
        html.Append($"<div style=\"font-family:sans-serif;font-size:12px;color:#555\">{Count} tokens, {Text.Length} characters</div>");
        int shownUpTo = 0;
        for (int i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            string title = Escape($"{token.Id} · {Quote(token.Token)}");
            if (token.IsSpecial && token.Length == 0 || token.IsSpecial && TextOf(token) == token.Token)
            {
                html.Append($"<span title=\"{title}\" style=\"border:1px solid #888;border-radius:3px;padding:0 2px;color:#555\">{Escape(token.Token)}</span>");
                shownUpTo = Math.Max(shownUpTo, token.End);
                continue;
            }
            // Tokens holding part of a character share it: show each character once, with the first of its tokens.
            int from = Math.Max(shownUpTo, token.Start);
            string piece = token.End > from ? Text[from..token.End] : "";
            shownUpTo = Math.Max(shownUpTo, token.End);
            string shown = piece.Length == 0 ? "<span style=\"color:#999\">+</span>" : Visible(piece);
            html.Append($"<span title=\"{title}\" style=\"background:{Palette[i % Palette.Length]};border-radius:3px\">{shown}</span>");
        }
        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>HTML-encodes a piece and makes newlines and tabs visible while keeping the line breaks.</summary>
    static string Visible(string piece) =>
        Escape(piece).Replace("\n", "↵\n").Replace("\t", "→\t");

    /// <summary>Escapes the five HTML-significant characters and leaves all other Unicode as it is.</summary>
    static string Escape(string s) =>
        s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    static string Quote(string token) => "\"" + token.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\t", "\\t").Replace("\r", "\\r") + "\"";
}
