using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// A tokenizer's split regex, run over whole Unicode characters as Hugging Face's regex engine does.
/// .NET regexes see a character outside the Basic Multilingual Plane as two surrogates of category
/// Cs, so \p{L} misses letters such as 𝐀 or 𠀀, and a class such as [𐐀-𐑏] cannot even be compiled.
/// So, for matching only: such characters in the text are stood in for by one BMP character of the
/// same Unicode category, those the pattern names explicitly by private-use characters (in the text
/// and the pattern alike), and offsets are mapped back to the original text.
/// </summary>
sealed class CodePointRegex
{
    const char FirstPrivateUse = '\uE000', LastPrivateUse = '\uF8FF';

    readonly Regex regex;
    readonly Dictionary<int, char> named = []; // astral code points the pattern names -> their private-use stand-ins

    public CodePointRegex(string pattern, RegexOptions options = RegexOptions.None)
    {
        regex = new Regex(MapAstral(pattern), options | RegexOptions.CultureInvariant);
    }

    /// <summary>A regex whose pattern names no character outside the BMP (e.g. a source-generated one).</summary>
    public CodePointRegex(Regex regex) => this.regex = regex;

    /// <summary>Appends the (start, length) of each match in text[start, start+length), in the original text's indices.</summary>
    public void Matches(string text, int start, int length, List<(int Start, int Length)> output)
    {
        var span = text.AsSpan(start, length);
        if (span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            foreach (var m in regex.EnumerateMatches(span)) output.Add((start + m.Index, m.Length));
            return;
        }

        var (standIn, origin) = StandIn(text, start, length);
        foreach (var m in regex.EnumerateMatches(standIn))
        {
            int from = origin[m.Index], to = origin[m.Index + m.Length];
            output.Add((from, to - from));
        }
    }

    /// <summary>Rewrites astral characters of the pattern (single or ranges "a-b") as private-use characters.</summary>
    string MapAstral(string pattern)
    {
        var runes = pattern.EnumerateRunes().ToList();
        if (runes.All(r => r.IsBmp)) return pattern;
        char next = FirstPrivateUse;
        var output = new StringBuilder();
        for (int i = 0; i < runes.Count; i++)
        {
            if (runes[i].IsBmp) { output.Append(runes[i].ToString()); continue; }
            int first = runes[i].Value, last = first;
            if (i + 2 < runes.Count && runes[i + 1].Value == '-' && !runes[i + 2].IsBmp) { last = runes[i + 2].Value; i += 2; }
            if (next + (last - first) > LastPrivateUse)
                throw new NotSupportedException($"the regex names too many characters outside the Basic Multilingual Plane ({pattern})");
            for (int cp = first; cp <= last; cp++) named.TryAdd(cp, next++);
            output.Append(Regex.Escape(named[first].ToString()));
            if (last > first) output.Append('-').Append(Regex.Escape(named[last].ToString()));
        }
        return output.ToString();
    }

    /// <summary>The text with each surrogate pair replaced by one character, and where each stand-in index came from.</summary>
    (string Text, int[] Origin) StandIn(string text, int start, int length)
    {
        var chars = new List<char>(length);
        var origin = new List<int>(length + 1);
        for (int i = start, end = start + length; i < end;)
        {
            origin.Add(i);
            if (i + 1 < end && char.IsSurrogatePair(text[i], text[i + 1]))
            {
                int cp = char.ConvertToUtf32(text[i], text[i + 1]);
                chars.Add(named.TryGetValue(cp, out char c) ? c : Representative(CharUnicodeInfo.GetUnicodeCategory(cp)));
                i += 2;
            }
            else chars.Add(text[i++]);
        }
        origin.Add(start + length);
        return (new string([.. chars]), [.. origin]);
    }

    /// <summary>A BMP character of the given category, from scripts tokenizer regexes do not spell out.</summary>
    static char Representative(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter => '\uA7C0',        // Latin Extended-D capital
        UnicodeCategory.LowercaseLetter => '\uA7C1',
        UnicodeCategory.TitlecaseLetter => '\u1F88',
        UnicodeCategory.ModifierLetter => '\uA67F',
        UnicodeCategory.OtherLetter => '\uA500',            // Vai syllable
        UnicodeCategory.NonSpacingMark => '\u20D0',
        UnicodeCategory.SpacingCombiningMark => '\uA823',
        UnicodeCategory.EnclosingMark => '\u20DD',
        UnicodeCategory.DecimalDigitNumber => '\uA620',     // Vai digit zero
        UnicodeCategory.LetterNumber => '\u2160',
        UnicodeCategory.OtherNumber => '\u2460',
        UnicodeCategory.MathSymbol => '\u2A00',
        UnicodeCategory.CurrencySymbol => '\u20A0',
        UnicodeCategory.ModifierSymbol => '\uA720',
        UnicodeCategory.OtherSymbol => '\u2600',
        UnicodeCategory.OtherPunctuation => '\u2E3C',
        UnicodeCategory.Format => '\u2061',
        UnicodeCategory.PrivateUse => '\uE000',
        _ => '\uFFFF',                                       // unassigned
    };
}
