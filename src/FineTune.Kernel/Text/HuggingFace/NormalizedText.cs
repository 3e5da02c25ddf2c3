using System.Text;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// A piece of text on its way through a tokenizer, remembering for every character which range of
/// the original input it came from, so tokens can report offsets into what the user typed.
/// (The role of Hugging Face's NormalizedString.)
/// </summary>
sealed class NormalizedText
{
    readonly int[] starts; // per char: start of its source range in the original input
    readonly int[] ends;   // per char: end (exclusive) of that range

    public string Text { get; }

    /// <summary>Where this piece begins in the original input (for an empty piece, where it would be).</summary>
    public int OriginalStart { get; }

    NormalizedText(string text, int[] starts, int[] ends, int originalStart)
    {
        Text = text;
        this.starts = starts;
        this.ends = ends;
        OriginalStart = originalStart;
    }

    /// <summary>Part of <paramref name="original"/>, unchanged: character i maps to itself.</summary>
    public static NormalizedText Of(string original, int start, int length)
    {
        var s = new int[length];
        var e = new int[length];
        for (int i = 0; i < length; i++) { s[i] = start + i; e[i] = start + i + 1; }
        return new NormalizedText(original.Substring(start, length), s, e, start);
    }

    /// <summary>The original range covered by normalized characters [start, end).</summary>
    public (int Start, int End) OriginalRange(int start, int end)
    {
        if (Text.Length == 0) return (OriginalStart, OriginalStart);
        if (end <= start)
        {
            int at = start < Text.Length ? starts[start] : ends[Text.Length - 1];
            return (at, at);
        }
        int from = int.MaxValue, to = int.MinValue;
        for (int i = start; i < end; i++) { from = Math.Min(from, starts[i]); to = Math.Max(to, ends[i]); }
        return (from, to);
    }

    public NormalizedText Slice(int start, int length) =>
        new(Text.Substring(start, length), starts[start..(start + length)], ends[start..(start + length)],
            length > 0 ? starts[start] : OriginalRange(start, start).Start);

    /// <summary>Puts <paramref name="prefix"/> in front; its characters point at the first character's start.</summary>
    public NormalizedText Prepend(string prefix)
    {
        var builder = new Builder(OriginalStart);
        builder.Append(prefix, OriginalStart, OriginalStart);
        builder.AppendAll(this);
        return builder.Build();
    }

    /// <summary>Rewrites the text one source character (or surrogate pair) at a time; outputs inherit its range.</summary>
    public NormalizedText MapChars(Func<string, string> map)
    {
        var builder = new Builder(OriginalStart);
        for (int i = 0; i < Text.Length;)
        {
            int width = char.IsHighSurrogate(Text[i]) && i + 1 < Text.Length && char.IsLowSurrogate(Text[i + 1]) ? 2 : 1;
            var (from, to) = OriginalRange(i, i + width);
            builder.Append(map(Text.Substring(i, width)), from, to);
            i += width;
        }
        return builder.Build();
    }

    /// <summary>Replaces each (start, length) span with a new string whose characters all map to that span.</summary>
    public NormalizedText ReplaceSpans(IEnumerable<(int Start, int Length, string With)> spans)
    {
        var builder = new Builder(OriginalStart);
        int at = 0;
        foreach (var (start, length, with) in spans)
        {
            for (; at < start; at++) builder.Append(Text[at], starts[at], ends[at]);
            var (from, to) = OriginalRange(start, start + length);
            builder.Append(with, from, to);
            at = start + length;
        }
        for (; at < Text.Length; at++) builder.Append(Text[at], starts[at], ends[at]);
        return builder.Build();
    }

    /// <summary>Builds a normalized text character by character, each with its original range.</summary>
    public sealed class Builder(int originalStart)
    {
        readonly StringBuilder text = new();
        readonly List<int> starts = [];
        readonly List<int> ends = [];

        public void Append(char c, int start, int end)
        {
            text.Append(c);
            starts.Add(start);
            ends.Add(end);
        }

        public void Append(string s, int start, int end)
        {
            foreach (char c in s) Append(c, start, end);
        }

        public void AppendAll(NormalizedText piece)
        {
            for (int i = 0; i < piece.Text.Length; i++) Append(piece.Text[i], piece.starts[i], piece.ends[i]);
        }

        /// <summary>Removes trailing copies of <paramref name="c"/>.</summary>
        public void TrimEnd(char c)
        {
            while (text.Length > 0 && text[^1] == c)
            {
                text.Length--;
                starts.RemoveAt(starts.Count - 1);
                ends.RemoveAt(ends.Count - 1);
            }
        }

        public NormalizedText Build() => new(text.ToString(), [.. starts], [.. ends], originalStart);
    }
}
