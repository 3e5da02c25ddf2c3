using System.Text;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// SentencePiece's normalizer, as its Normalizer::Normalize does it: the compiled rules (nmt_nfkc and
/// the like) where the model has them, leading, trailing and repeated spaces removed, a "▁" put in
/// front (add_dummy_prefix), and spaces written as "▁".
/// </summary>
sealed class SentencePieceNormalizer(SentencePieceModelFile model) : INormalizer
{
    const char SpaceSymbol = '\u2581';
    const int LongestRule = 16; // characters looked at for one rule; the nmt_nfkc rules are far shorter

    readonly PrecompiledCharsMap? rules = model.PrecompiledCharsMap.Length > 0 ? new PrecompiledCharsMap(model.PrecompiledCharsMap, model.File) : null;

    public NormalizedText Normalize(NormalizedText input)
    {
        string text = input.Text;
        var output = new NormalizedText.Builder(input.OriginalStart);
        int at = 0;
        if (model.RemoveExtraWhitespaces)
            while (at < text.Length && Prefix(text, at) is (" ", int skip)) at += skip;
        if (at == text.Length) return output.Build();

        char space = model.EscapeWhitespaces ? SpaceSymbol : ' ';
        var (first, _) = input.OriginalRange(at, at);
        if (model.AddDummyPrefix) output.Append(space, first, first);

        bool previousWasSpace = model.RemoveExtraWhitespaces;
        while (at < text.Length)
        {
            var (replacement, consumed) = Prefix(text, at);
            var (from, to) = input.OriginalRange(at, at + consumed);
            if (previousWasSpace) replacement = replacement.TrimStart(' ');
            if (replacement.Length > 0)
            {
                foreach (char c in replacement) output.Append(c == ' ' ? space : c, from, to);
                previousWasSpace = replacement.EndsWith(' ');
            }
            at += consumed;
            if (!model.RemoveExtraWhitespaces) previousWasSpace = false;
        }
        if (model.RemoveExtraWhitespaces) output.TrimEnd(space);
        return output.Build();
    }

    /// <summary>What the text at <paramref name="at"/> normalizes to, and how many characters that consumes.</summary>
    (string Replacement, int Consumed) Prefix(string text, int at)
    {
        int width = char.IsSurrogatePair(text, at) ? 2 : 1;
        if (rules is null) return (text.Substring(at, width), width);

        int window = Math.Min(LongestRule, text.Length - at);
        var bytes = Encoding.UTF8.GetBytes(text.Substring(at, window));
        if (rules.LongestMatch(bytes) is not var (replacement, matchedBytes)) return (text.Substring(at, width), width);

        // A rule covers whole UTF-8 characters: count the characters its bytes span.
        int chars = 0;
        for (int b = 0; b < matchedBytes && chars < window;)
        {
            int w = char.IsSurrogatePair(text, at + chars) ? 2 : 1;
            b += Encoding.UTF8.GetByteCount(text.AsSpan(at + chars, w));
            chars += w;
        }
        return (replacement, chars);
    }
}
