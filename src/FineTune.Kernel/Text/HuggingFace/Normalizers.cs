using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>A tokenizer.json "normalizer": rewrites text before it is split, keeping offsets.</summary>
interface INormalizer
{
    NormalizedText Normalize(NormalizedText text);
}

sealed class SequenceNormalizer(IReadOnlyList<INormalizer> steps) : INormalizer
{
    public NormalizedText Normalize(NormalizedText text)
    {
        foreach (var step in steps) text = step.Normalize(text);
        return text;
    }
}

/// <summary>Puts a fixed string in front of non-empty text (Llama 2's "▁").</summary>
sealed class PrependNormalizer(string prefix) : INormalizer
{
    public NormalizedText Normalize(NormalizedText text) => text.Text.Length == 0 ? text : text.Prepend(prefix);
}

/// <summary>Replaces a literal string or a regex match with fixed content.</summary>
sealed class ReplaceNormalizer(Regex pattern, string content) : INormalizer
{
    public NormalizedText Normalize(NormalizedText text) =>
        text.ReplaceSpans(pattern.Matches(text.Text).Select(m => (m.Index, m.Length, content)));
}

sealed class LowercaseNormalizer : INormalizer
{
    public NormalizedText Normalize(NormalizedText text) => text.MapChars(s => s.ToLowerInvariant());
}

/// <summary>Removes whitespace at the start and/or end.</summary>
sealed class StripNormalizer(bool left, bool right) : INormalizer
{
    public NormalizedText Normalize(NormalizedText text)
    {
        int start = 0, end = text.Text.Length;
        if (left) while (start < end && char.IsWhiteSpace(text.Text[start])) start++;
        if (right) while (end > start && char.IsWhiteSpace(text.Text[end - 1])) end--;
        return text.Slice(start, end - start);
    }
}

/// <summary>
/// Unicode normalization (NFC, NFD, NFKC, NFKD). Each base character with its combining marks is
/// normalized on its own so offsets stay per character.
/// </summary>
sealed class UnicodeNormalizer(NormalizationForm form) : INormalizer
{
    public NormalizedText Normalize(NormalizedText text)
    {
        if (text.Text.IsNormalized(form)) return text;
        var spans = Clusters(text.Text).Select(c => (c.Start, c.Length, text.Text.Substring(c.Start, c.Length).Normalize(form))).ToList();
        string joined = string.Concat(spans.Select(s => s.Item3));
        // Composition across clusters (Hangul jamo) needs the whole string; offsets then widen.
        if (joined != text.Text.Normalize(form))
            return text.ReplaceSpans([(0, text.Text.Length, text.Text.Normalize(form))]);
        return text.ReplaceSpans(spans);
    }

    /// <summary>A base character (or surrogate pair) and the combining marks that follow it.</summary>
    internal static IEnumerable<(int Start, int Length)> Clusters(string s)
    {
        for (int i = 0; i < s.Length;)
        {
            int start = i;
            i += char.IsSurrogatePair(s, i) ? 2 : 1;
            while (i < s.Length && IsMark(s, i)) i += char.IsSurrogatePair(s, i) ? 2 : 1;
            yield return (start, i - start);
        }
    }

    static bool IsMark(string s, int i) => CharUnicodeInfo.GetUnicodeCategory(s, i) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}

/// <summary>Removes accents: decomposes (NFD) and drops the non-spacing marks.</summary>
sealed class StripAccentsNormalizer : INormalizer
{
    public NormalizedText Normalize(NormalizedText text) => text.MapChars(StripAccents);

    internal static string StripAccents(string s)
    {
        var builder = new StringBuilder();
        foreach (char c in s.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        return builder.ToString();
    }
}

/// <summary>
/// BERT's normalizer: drops control characters, turns whitespace into spaces, puts spaces around
/// CJK ideographs, optionally strips accents and lowercases.
/// </summary>
sealed class BertNormalizer(bool cleanText, bool handleChineseChars, bool stripAccents, bool lowercase) : INormalizer
{
    public NormalizedText Normalize(NormalizedText text) => text.MapChars(c =>
    {
        int cp = char.ConvertToUtf32(c, 0);
        if (cleanText)
        {
            if (cp == 0 || cp == 0xFFFD || IsControl(c)) return "";
            if (IsWhitespace(c)) return " ";
        }
        if (handleChineseChars && IsChinese(cp)) return " " + c + " ";
        if (stripAccents) c = StripAccentsNormalizer.StripAccents(c);
        if (lowercase) c = c.ToLowerInvariant();
        return c;
    });

    static bool IsWhitespace(string c) => char.IsWhiteSpace(c, 0);

    static bool IsControl(string c) => c is not ("\t" or "\n" or "\r") &&
        CharUnicodeInfo.GetUnicodeCategory(c, 0) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned;

    static bool IsChinese(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B920 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);
}
