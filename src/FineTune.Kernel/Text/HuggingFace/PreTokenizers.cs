using System.Globalization;
using System.Text.RegularExpressions;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>A tokenizer.json "pre_tokenizer": cuts a normalized piece into the words the model sees.</summary>
interface IPreTokenizer
{
    void PreTokenize(NormalizedText piece, List<NormalizedText> output);
}

/// <summary>A pre-tokenizer that only cuts (never rewrites characters), so it can also run inside Microsoft.ML.Tokenizers.</summary>
abstract class Splitter : IPreTokenizer
{
    /// <summary>Appends the (start, length) words of text[start, start+length).</summary>
    public abstract void Split(string text, int start, int length, List<(int Start, int Length)> output);

    public void PreTokenize(NormalizedText piece, List<NormalizedText> output)
    {
        var words = new List<(int Start, int Length)>();
        Split(piece.Text, 0, piece.Text.Length, words);
        foreach (var (start, length) in words) output.Add(piece.Slice(start, length));
    }
}

/// <summary>What happens to the delimiters a splitter finds (Hugging Face's SplitDelimiterBehavior).</summary>
enum SplitBehavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous }

/// <summary>Splits where a pattern matches and treats the matches as <see cref="SplitBehavior"/> says.</summary>
abstract class PatternSplitter(SplitBehavior behavior, bool invert) : Splitter
{
    /// <summary>Appends the matches in text[start, start+length), in order, as absolute (start, length).</summary>
    protected abstract void Matches(string text, int start, int length, List<(int Start, int Length)> output);

    public override void Split(string text, int start, int length, List<(int Start, int Length)> output)
    {
        var matches = new List<(int Start, int Length)>();
        Matches(text, start, length, matches);
        if (behavior == SplitBehavior.Isolated && !invert)
        {
            Isolate(matches, start, length, output); // the common case (GPT-2, Qwen2, Llama 3), without the bookkeeping below
            return;
        }

        // Cover the range with (start, end, isMatch) parts, as Hugging Face's find_matches does.
        var parts = new List<(int Start, int End, bool IsMatch)>();
        int at = start, end = start + length;
        foreach (var (s, l) in matches)
        {
            if (s > at) parts.Add((at, s, invert));
            parts.Add((s, s + l, !invert));
            at = s + l;
        }
        if (end > at) parts.Add((at, end, invert));

        foreach (var (s, e, _) in Merge(parts))
            if (e > s) output.Add((s, e - s));
    }

    /// <summary>Isolated: every match is a word, and so is every gap between matches.</summary>
    static void Isolate(List<(int Start, int Length)> matches, int start, int length, List<(int Start, int Length)> output)
    {
        int at = start;
        foreach (var (s, l) in matches)
        {
            if (s > at) output.Add((at, s - at));
            if (l > 0) output.Add((s, l));
            at = s + l;
        }
        if (start + length > at) output.Add((at, start + length - at));
    }

    IEnumerable<(int Start, int End, bool Remove)> Merge(List<(int Start, int End, bool IsMatch)> parts)
    {
        var merged = new List<(int Start, int End, bool Remove)>();
        switch (behavior)
        {
            case SplitBehavior.Removed:
                return parts.Where(p => !p.IsMatch).Select(p => (p.Start, p.End, false));
            case SplitBehavior.Isolated:
                return parts.Select(p => (p.Start, p.End, false));
            case SplitBehavior.Contiguous:
                bool? previous = null;
                foreach (var p in parts)
                {
                    if (previous == p.IsMatch && merged.Count > 0) merged[^1] = (merged[^1].Start, p.End, false);
                    else merged.Add((p.Start, p.End, false));
                    previous = p.IsMatch;
                }
                return merged;
            case SplitBehavior.MergedWithPrevious:
                bool previousMatch = false;
                foreach (var p in parts)
                {
                    if (p.IsMatch && !previousMatch && merged.Count > 0) merged[^1] = (merged[^1].Start, p.End, false);
                    else merged.Add((p.Start, p.End, false));
                    previousMatch = p.IsMatch;
                }
                return merged;
            default: // MergedWithNext: the same, walking backwards
                bool nextMatch = false;
                for (int i = parts.Count - 1; i >= 0; i--)
                {
                    var p = parts[i];
                    if (p.IsMatch && !nextMatch && merged.Count > 0) merged[^1] = (p.Start, merged[^1].End, false);
                    else merged.Add((p.Start, p.End, false));
                    nextMatch = p.IsMatch;
                }
                merged.Reverse();
                return merged;
        }
    }
}

/// <summary>Splits on regex matches (tokenizer.json "Split" with a Regex or String pattern).</summary>
sealed class RegexSplitter(CodePointRegex regex, SplitBehavior behavior, bool invert) : PatternSplitter(behavior, invert)
{
    protected override void Matches(string text, int start, int length, List<(int Start, int Length)> output) =>
        regex.Matches(text, start, length, output);
}

/// <summary>Splits on every character a predicate accepts, each as its own match (punctuation, digits, whitespace).</summary>
sealed class CharSplitter(Func<string, int, bool> accepts, SplitBehavior behavior, bool invert = false) : PatternSplitter(behavior, invert)
{
    protected override void Matches(string text, int start, int length, List<(int Start, int Length)> output)
    {
        for (int i = start, end = start + length; i < end;)
        {
            int width = i + 1 < end && char.IsSurrogatePair(text[i], text[i + 1]) ? 2 : 1;
            if (accepts(text, i)) output.Add((i, width));
            i += width;
        }
    }

    public static bool IsPunctuation(string text, int i) =>
        (text[i] < 128 && char.IsAsciiLetterOrDigit(text[i]) == false && text[i] > ' ' && text[i] < 127) ||
        CharUnicodeInfo.GetUnicodeCategory(text, i) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    public static bool IsWhitespace(string text, int i) => char.IsWhiteSpace(text, i);

    public static bool IsAsciiDigit(string text, int i) => char.IsAsciiDigit(text[i]);
}

/// <summary>Runs several pre-tokenizers one after another, each on every piece the previous one made.</summary>
sealed class SequencePreTokenizer(IReadOnlyList<IPreTokenizer> steps) : IPreTokenizer
{
    public IReadOnlyList<IPreTokenizer> Steps => steps;

    public void PreTokenize(NormalizedText piece, List<NormalizedText> output)
    {
        var pieces = new List<NormalizedText> { piece };
        foreach (var step in steps)
        {
            var next = new List<NormalizedText>();
            foreach (var p in pieces) step.PreTokenize(p, next);
            pieces = next;
        }
        output.AddRange(pieces);
    }
}

/// <summary>A sequence of splitters is itself a splitter (so it can run inside Microsoft.ML.Tokenizers).</summary>
sealed class SequenceSplitter(IReadOnlyList<Splitter> steps) : Splitter
{
    public override void Split(string text, int start, int length, List<(int Start, int Length)> output)
    {
        var pieces = new List<(int Start, int Length)> { (start, length) };
        foreach (var step in steps)
        {
            var next = new List<(int Start, int Length)>();
            foreach (var (s, l) in pieces) step.Split(text, s, l, next);
            pieces = next;
        }
        output.AddRange(pieces);
    }
}

/// <summary>
/// GPT-2's byte-level step: optionally a leading space, optionally GPT-2's word regex, then every
/// UTF-8 byte written as one character of <see cref="ByteLevelAlphabet"/>.
/// </summary>
sealed partial class ByteLevelPreTokenizer(bool addPrefixSpace, bool useRegex) : IPreTokenizer
{
    public const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    [GeneratedRegex(Gpt2Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Gpt2Regex();

    public static readonly Splitter Gpt2Splitter = new RegexSplitter(new CodePointRegex(Gpt2Regex()), SplitBehavior.Isolated, invert: false);

    public bool AddPrefixSpace => addPrefixSpace;
    public bool UseRegex => useRegex;

    public void PreTokenize(NormalizedText piece, List<NormalizedText> output)
    {
        if (addPrefixSpace && !piece.Text.StartsWith(' ')) piece = piece.Prepend(" ");
        var words = new List<NormalizedText>();
        if (useRegex) Gpt2Splitter.PreTokenize(piece, words);
        else words.Add(piece);
        foreach (var word in words) output.Add(word.MapChars(ByteLevelAlphabet.Encode));
    }
}

/// <summary>When Metaspace puts its replacement character in front of a word.</summary>
enum PrependScheme { Always, First, Never }

/// <summary>
/// SentencePiece-style spaces: every space becomes "▁", a "▁" is put in front (always, only at the
/// very start of the input, or never), and words are cut before each "▁".
/// </summary>
sealed class MetaspacePreTokenizer(char replacement, PrependScheme scheme, bool split) : IPreTokenizer
{
    public void PreTokenize(NormalizedText piece, List<NormalizedText> output)
    {
        piece = piece.MapChars(c => c == " " ? replacement.ToString() : c);
        bool prepend = scheme == PrependScheme.Always || (scheme == PrependScheme.First && piece.OriginalStart == 0);
        if (prepend && !piece.Text.StartsWith(replacement)) piece = piece.Prepend(replacement.ToString());
        if (!split) { output.Add(piece); return; }
        new CharSplitter((t, i) => t[i] == replacement, SplitBehavior.MergedWithNext).PreTokenize(piece, output);
    }
}
