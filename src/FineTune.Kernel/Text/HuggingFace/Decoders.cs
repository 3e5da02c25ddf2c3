using System.Text;
using System.Text.RegularExpressions;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>A tokenizer.json "decoder": turns token strings back into text, one step of a chain.</summary>
interface IDecoder
{
    List<string> DecodeChain(List<string> tokens);
}

static class DecoderExtensions
{
    public static string Decode(this IDecoder decoder, List<string> tokens) => string.Concat(decoder.DecodeChain(tokens));
}

sealed class SequenceDecoder(IReadOnlyList<IDecoder> steps) : IDecoder
{
    public List<string> DecodeChain(List<string> tokens)
    {
        foreach (var step in steps) tokens = step.DecodeChain(tokens);
        return tokens;
    }
}

/// <summary>Byte-level tokens back to bytes, then UTF-8 (invalid sequences become U+FFFD).</summary>
sealed class ByteLevelDecoder : IDecoder
{
    public List<string> DecodeChain(List<string> tokens)
    {
        var bytes = new List<byte>();
        foreach (var token in tokens) ByteLevelAlphabet.AppendBytes(token, bytes);
        return [Encoding.UTF8.GetString([.. bytes])];
    }
}

sealed class ReplaceDecoder(Regex pattern, string content) : IDecoder
{
    public List<string> DecodeChain(List<string> tokens) => tokens.Select(t => pattern.Replace(t, content)).ToList();
}

/// <summary>Runs of &lt;0xNN&gt; tokens become the UTF-8 text of those bytes, or one U+FFFD per byte if invalid.</summary>
sealed class ByteFallbackDecoder : IDecoder
{
    static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public List<string> DecodeChain(List<string> tokens)
    {
        var output = new List<string>();
        var pending = new List<byte>();
        foreach (var token in tokens)
        {
            if (token.Length == 6 && token.StartsWith("<0x") && token.EndsWith('>') &&
                byte.TryParse(token.AsSpan(3, 2), System.Globalization.NumberStyles.HexNumber, null, out byte b))
            {
                pending.Add(b);
                continue;
            }
            Flush(pending, output);
            output.Add(token);
        }
        Flush(pending, output);
        return output;
    }

    static void Flush(List<byte> pending, List<string> output)
    {
        if (pending.Count == 0) return;
        try { output.Add(StrictUtf8.GetString([.. pending])); }
        catch (DecoderFallbackException) { output.AddRange(Enumerable.Repeat("\uFFFD", pending.Count)); }
        pending.Clear();
    }
}

sealed class FuseDecoder : IDecoder
{
    public List<string> DecodeChain(List<string> tokens) => [string.Concat(tokens)];
}

/// <summary>Removes up to <c>start</c> copies of a character from the left of each token and <c>stop</c> from the right.</summary>
sealed class StripDecoder(char content, int start, int stop) : IDecoder
{
    public List<string> DecodeChain(List<string> tokens) => tokens.Select(Strip).ToList();

    string Strip(string token)
    {
        int from = 0, to = token.Length;
        for (int i = 0; i < start && from < to && token[from] == content; i++) from++;
        for (int i = 0; i < stop && to > from && token[to - 1] == content; i++) to--;
        return token[from..to];
    }
}

/// <summary>"▁" back to spaces; the space SentencePiece put in front of the first word is removed.</summary>
sealed class MetaspaceDecoder(char replacement, PrependScheme scheme) : IDecoder
{
    public List<string> DecodeChain(List<string> tokens) => tokens.Select((token, i) =>
    {
        string text = token.Replace(replacement, ' ');
        return i == 0 && scheme != PrependScheme.Never && text.StartsWith(' ') ? text[1..] : text;
    }).ToList();
}

/// <summary>WordPiece: "##" continuations glue to the previous token, other tokens get a space; optional cleanup.</summary>
sealed class WordPieceDecoder(string prefix, bool cleanup) : IDecoder
{
    public List<string> DecodeChain(List<string> tokens) => tokens.Select((token, i) =>
    {
        if (i != 0) token = token.StartsWith(prefix) ? token[prefix.Length..] : " " + token;
        return cleanup ? CleanUp(token) : token;
    }).ToList();

    /// <summary>Hugging Face tokenizers' cleanup: no space before punctuation and English contractions.</summary>
    static string CleanUp(string s) => s.Replace(" .", ".").Replace(" ?", "?").Replace(" !", "!").Replace(" ,", ",")
        .Replace(" ' ", "'").Replace(" n't", "n't").Replace(" 'm", "'m").Replace(" do not", " don't")
        .Replace(" 's", "'s").Replace(" 've", "'ve").Replace(" 're", "'re");
}

/// <summary>Classic BPE with an end-of-word suffix: the suffix becomes a space (none after the last token).</summary>
sealed class BpeSuffixDecoder(string suffix) : IDecoder
{
    public List<string> DecodeChain(List<string> tokens) =>
        tokens.Select((t, i) => t.Replace(suffix, i == tokens.Count - 1 ? "" : " ")).ToList();
}
