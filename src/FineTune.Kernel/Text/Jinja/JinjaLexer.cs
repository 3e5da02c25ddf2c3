using System.Globalization;
using System.Text;

namespace FineTune.Kernel.Text.Jinja;

/// <summary>One token inside a {{ }} or {% %} tag: a name, literal or operator, and where it starts.</summary>
readonly record struct JinjaToken(JinjaTokenKind Kind, string Text, object? Value, int Position);

enum JinjaTokenKind { Name, String, Integer, Float, Operator, End }

/// <summary>A piece of a template: literal text, an {{ output }} tag, or a {% statement %} tag.</summary>
abstract record JinjaSegment(int Position);
sealed record TextSegment(string Text, int Position) : JinjaSegment(Position);
sealed record OutputSegment(List<JinjaToken> Tokens, int Position) : JinjaSegment(Position);
sealed record StatementSegment(List<JinjaToken> Tokens, int Position) : JinjaSegment(Position);

/// <summary>
/// Cuts a Jinja template into text and tags with the whitespace rules Hugging Face renders chat
/// templates with: trim_blocks (the newline after a block tag goes), lstrip_blocks (spaces before a
/// block tag on its own line go), and the "-" / "+" markers inside tags.
/// </summary>
sealed class JinjaLexer(string template)
{
    static readonly string[] Operators = ["==", "!=", "<=", ">=", "//", "**", "<", ">", "+", "-", "*", "/", "%", "~", "|", ".", ",", ":", "(", ")", "[", "]", "{", "}", "="];

    public List<JinjaSegment> Segments()
    {
        var segments = new List<JinjaSegment>();
        int at = 0;
        bool trimNextText = false, trimNextNewline = false;
        while (at < template.Length)
        {
            int open = NextTagStart(at);
            string text = template[at..(open < 0 ? template.Length : open)];
            bool atLineStart = at == 0 || template[at - 1] == '\n' || text.Contains('\n');
            if (trimNextText) text = text.TrimStart();
            else if (trimNextNewline) text = RemoveLeadingNewline(text);
            trimNextText = trimNextNewline = false;
            if (open < 0) { Add(segments, text, at); break; }

            char kind = template[open + 1];
            char marker = open + 2 < template.Length ? template[open + 2] : '\0';
            if (marker == '-') text = text.TrimEnd();
            else if (marker != '+' && kind != '{') text = LeftStripBlock(text, atLineStart);
            Add(segments, text, at);

            int contentStart = open + 2 + (marker is '-' or '+' ? 1 : 0);
            if (kind == '#')
            {
                int close = template.IndexOf("#}", contentStart, StringComparison.Ordinal);
                if (close < 0) throw new JinjaException("a comment {# is never closed by #}", open);
                (trimNextText, trimNextNewline) = AfterTag(close, '#');
                at = close + 2;
                continue;
            }
            var (tokens, end) = Tokenize(contentStart, kind == '{' ? "}}" : "%}", open);
            (trimNextText, trimNextNewline) = AfterTag(end, kind);
            if (kind == '{') segments.Add(new OutputSegment(tokens, open));
            else if (IsRaw(tokens)) { at = Raw(end + 2, segments, ref trimNextText, ref trimNextNewline); continue; }
            else segments.Add(new StatementSegment(tokens, open));
            at = end + 2;
        }
        return segments;
    }

    /// <summary>Whether the text after a tag ending at <paramref name="close"/> loses all its leading whitespace ("-") or just one newline (trim_blocks).</summary>
    (bool TrimText, bool TrimNewline) AfterTag(int close, char kind)
    {
        char before = template[close - 1];
        if (before == '-' && close - 1 > 0) return (true, false);
        return (false, kind != '{' && before != '+');
    }

    int NextTagStart(int from)
    {
        for (int i = template.IndexOf('{', from); i >= 0 && i + 1 < template.Length; i = template.IndexOf('{', i + 1))
            if (template[i + 1] is '{' or '%' or '#') return i;
        return -1;
    }

    static void Add(List<JinjaSegment> segments, string text, int position)
    {
        if (text.Length > 0) segments.Add(new TextSegment(text, position));
    }

    static string RemoveLeadingNewline(string text) =>
        text.StartsWith("\r\n") ? text[2..] : text.StartsWith('\n') ? text[1..] : text;

    /// <summary>lstrip_blocks: drop spaces and tabs between the line start and a block tag, if nothing else is there.</summary>
    static string LeftStripBlock(string text, bool atLineStart)
    {
        int lineStart = text.LastIndexOf('\n') + 1;
        if (lineStart == 0 && !atLineStart) return text; // the line began with an earlier tag
        return text[lineStart..].All(c => c is ' ' or '\t') ? text[..lineStart] : text;
    }

    static bool IsRaw(List<JinjaToken> tokens) => tokens is [{ Kind: JinjaTokenKind.Name, Text: "raw" }, { Kind: JinjaTokenKind.End }];

    /// <summary>{% raw %}...{% endraw %}: the content is text, tags and all.</summary>
    int Raw(int from, List<JinjaSegment> segments, ref bool trimText, ref bool trimNewline)
    {
        for (int open = template.IndexOf("{%", from, StringComparison.Ordinal); open >= 0; open = template.IndexOf("{%", open + 2, StringComparison.Ordinal))
        {
            int contentStart = open + 2 + (template[open + 2] is '-' or '+' ? 1 : 0);
            var (tokens, end) = Tokenize(contentStart, "%}", open);
            if (tokens is not [{ Text: "endraw" }, { Kind: JinjaTokenKind.End }]) continue;
            string text = template[from..open];
            if (trimText) text = text.TrimStart();
            else if (trimNewline) text = RemoveLeadingNewline(text);
            if (template[open + 2] == '-') text = text.TrimEnd();
            Add(segments, text, from);
            (trimText, trimNewline) = AfterTag(end, '%');
            return end + 2;
        }
        throw new JinjaException("{% raw %} is never closed by {% endraw %}", from);
    }

    /// <summary>The tokens of a tag's content up to its closing delimiter, and where that delimiter starts.</summary>
    (List<JinjaToken> Tokens, int Close) Tokenize(int at, string closer, int tagStart)
    {
        var tokens = new List<JinjaToken>();
        while (true)
        {
            while (at < template.Length && char.IsWhiteSpace(template[at])) at++;
            if (at >= template.Length) throw new JinjaException($"a tag is never closed by {closer}", tagStart);
            if (Closes(at, closer)) { tokens.Add(new JinjaToken(JinjaTokenKind.End, "", null, at)); return (tokens, at + (template[at] is '-' or '+' ? 1 : 0)); }

            char c = template[at];
            if (char.IsLetter(c) || c == '_')
            {
                int start = at;
                while (at < template.Length && (char.IsLetterOrDigit(template[at]) || template[at] == '_')) at++;
                tokens.Add(new JinjaToken(JinjaTokenKind.Name, template[start..at], null, start));
            }
            else if (char.IsAsciiDigit(c)) tokens.Add(Number(ref at));
            else if (c is '\'' or '"') tokens.Add(String(ref at));
            else
            {
                string? op = Operators.FirstOrDefault(o => string.CompareOrdinal(template, at, o, 0, o.Length) == 0);
                if (op is null) throw new JinjaException($"unexpected character '{c}'", at);
                tokens.Add(new JinjaToken(JinjaTokenKind.Operator, op, null, at));
                at += op.Length;
            }
        }
    }

    bool Closes(int at, string closer) =>
        string.CompareOrdinal(template, at, closer, 0, 2) == 0 ||
        (template[at] is '-' or '+' && string.CompareOrdinal(template, at + 1, closer, 0, 2) == 0);

    JinjaToken Number(ref int at)
    {
        int start = at;
        while (at < template.Length && (char.IsAsciiDigit(template[at]) || template[at] == '_')) at++;
        bool isFloat = at + 1 < template.Length && template[at] == '.' && char.IsAsciiDigit(template[at + 1]);
        if (isFloat)
        {
            at++;
            while (at < template.Length && char.IsAsciiDigit(template[at])) at++;
        }
        string text = template[start..at].Replace("_", "");
        return isFloat
            ? new JinjaToken(JinjaTokenKind.Float, text, double.Parse(text, CultureInfo.InvariantCulture), start)
            : new JinjaToken(JinjaTokenKind.Integer, text, long.Parse(text, CultureInfo.InvariantCulture), start);
    }

    JinjaToken String(ref int at)
    {
        int start = at;
        char quote = template[at++];
        var value = new StringBuilder();
        while (true)
        {
            if (at >= template.Length) throw new JinjaException("a string is never closed", start);
            char c = template[at++];
            if (c == quote) break;
            if (c != '\\') { value.Append(c); continue; }
            char e = template[at++];
            switch (e)
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case '\\': value.Append('\\'); break;
                case '\'': value.Append('\''); break;
                case '"': value.Append('"'); break;
                case 'u':
                    value.Append((char)Convert.ToInt32(template.Substring(at, 4), 16));
                    at += 4;
                    break;
                default: value.Append('\\').Append(e); break; // Python keeps unknown escapes as written
            }
        }
        return new JinjaToken(JinjaTokenKind.String, template[start..at], value.ToString(), start);
    }
}
