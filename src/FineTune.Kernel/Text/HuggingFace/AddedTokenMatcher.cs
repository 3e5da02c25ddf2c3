using System.Text.RegularExpressions;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// Finds added tokens in text, leftmost first and the longest where several start at one place, the
/// way Hugging Face tokenizers do, and cuts the text into plain segments and matched tokens.
/// </summary>
sealed class AddedTokenMatcher
{
    readonly Regex? pattern;
    readonly Dictionary<string, AddedToken> byContent;

    public AddedTokenMatcher(IEnumerable<AddedToken> tokens)
    {
        byContent = [];
        foreach (var token in tokens) byContent.TryAdd(token.Content, token);
        if (byContent.Count == 0) return;
        var alternatives = byContent.Values
            .OrderByDescending(t => t.Content.Length)
            .Select(t =>
                (t.LStrip ? @"\s*" : "") + (t.SingleWord ? @"(?<!\w)" : "") +
                "(?<token>" + Regex.Escape(t.Content) + ")" +
                (t.SingleWord ? @"(?!\w)" : "") + (t.RStrip ? @"\s*" : ""));
        pattern = new Regex(string.Join("|", alternatives), RegexOptions.CultureInvariant);
    }

    public bool IsEmpty => pattern is null;

    /// <summary>A segment of the input: plain text to tokenize (Token is null) or one matched added token.</summary>
    public readonly record struct Segment(int Start, int Length, AddedToken? Token);

    /// <summary>Cuts text[start, start+length) into segments; empty plain segments are left out.</summary>
    public List<Segment> Split(string text, int start, int length)
    {
        var segments = new List<Segment>();
        int at = start, end = start + length;
        if (pattern is not null)
        {
            for (var match = pattern.Match(text, start, length); match.Success; match = match.NextMatch())
            {
                if (match.Index > at) segments.Add(new Segment(at, match.Index - at, null));
                segments.Add(new Segment(match.Index, match.Length, byContent[match.Groups["token"].Value]));
                at = match.Index + match.Length;
            }
        }
        if (end > at) segments.Add(new Segment(at, end - at, null));
        return segments;
    }
}
