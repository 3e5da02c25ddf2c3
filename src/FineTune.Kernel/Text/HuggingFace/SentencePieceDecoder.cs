using System.Text;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// Decodes pieces as sentencepiece does: "▁" back to spaces, runs of &lt;0xNN&gt; byte pieces to UTF-8
/// (U+FFFD per invalid byte), the unknown piece as " ⁇ ", and the dummy-prefix space of the first word
/// removed. Control pieces (&lt;s&gt;) are written as they are, as transformers does when not skipping them.
/// </summary>
sealed class SentencePieceDecoder(SentencePieceModelFile model) : IDecoder
{
    static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    readonly Dictionary<string, SentencePieceModelFile.PieceType> types =
        model.Pieces.GroupBy(p => p.Text).ToDictionary(g => g.Key, g => g.First().Type);

    public List<string> DecodeChain(List<string> tokens)
    {
        var text = new StringBuilder();
        var pending = new List<byte>();
        bool first = true;
        foreach (var token in tokens)
        {
            var type = types.GetValueOrDefault(token, SentencePieceModelFile.PieceType.Normal);
            if (type == SentencePieceModelFile.PieceType.Byte)
            {
                pending.Add(Convert.ToByte(token[3..5], 16));
                continue;
            }
            Flush(pending, text, ref first);
            if (type == SentencePieceModelFile.PieceType.Control) { text.Append(token); continue; }
            string surface = type == SentencePieceModelFile.PieceType.Unknown ? model.UnknownSurface : token.Replace('\u2581', ' ');
            Append(surface, text, ref first);
        }
        Flush(pending, text, ref first);
        return [text.ToString()];
    }

    void Append(string surface, StringBuilder text, ref bool first)
    {
        if (first && model.AddDummyPrefix && surface.StartsWith(' ')) surface = surface[1..];
        first = false;
        text.Append(surface);
    }

    void Flush(List<byte> pending, StringBuilder text, ref bool first)
    {
        if (pending.Count == 0) return;
        string decoded;
        try { decoded = StrictUtf8.GetString([.. pending]); }
        catch (DecoderFallbackException) { decoded = new string('\uFFFD', pending.Count); }
        Append(decoded, text, ref first);
        pending.Clear();
    }
}
