using System.Text;

namespace FineTune.Kernel.Tests.Text;

/// <summary>
/// Writes a tiny SentencePiece BPE tokenizer.model (Llama style: identity normalization, dummy prefix,
/// byte fallback) with a protobuf writer of its own, so the .model path is tested on a fresh clone.
/// Ids: 0 &lt;unk&gt;, 1 &lt;s&gt;, 2 &lt;/s&gt;, 3..258 the byte pieces &lt;0x00&gt;..&lt;0xFF&gt;, then <see cref="Normal"/>.
/// </summary>
static class TinySentencePieceModel
{
    /// <summary>Normal pieces in id order; a higher score merges first (scores fall with the id).</summary>
    public static readonly string[] Normal = ["▁", "t", "h", "e", "c", "a", "▁t", "he", "▁the", "at", "▁c", "▁cat"];

    public static int Id(string piece) => 259 + Array.IndexOf(Normal, piece);

    public static int ByteId(byte b) => 3 + b;

    public static void Write(string path)
    {
        var model = new List<byte>();
        Message(model, 1, Piece("<unk>", 0, type: 2));
        Message(model, 1, Piece("<s>", 0, type: 3));
        Message(model, 1, Piece("</s>", 0, type: 3));
        for (int b = 0; b < 256; b++) Message(model, 1, Piece($"<0x{b:X2}>", 0, type: 6));
        for (int i = 0; i < Normal.Length; i++) Message(model, 1, Piece(Normal[i], -1 - i, type: 1));

        var trainer = new List<byte>();
        Varint(trainer, 3, 2);   // model_type BPE
        Varint(trainer, 35, 1);  // byte_fallback
        Varint(trainer, 40, 0);  // unk_id
        Varint(trainer, 41, 1);  // bos_id
        Varint(trainer, 42, 2);  // eos_id
        Message(model, 2, trainer);

        var normalizer = new List<byte>();
        Message(normalizer, 1, Encoding.UTF8.GetBytes("identity").ToList());
        Varint(normalizer, 3, 1);  // add_dummy_prefix
        Varint(normalizer, 4, 0);  // remove_extra_whitespaces off, as in Llama
        Message(model, 3, normalizer);

        File.WriteAllBytes(path, [.. model]);
    }

    static List<byte> Piece(string text, float score, int type)
    {
        var piece = new List<byte>();
        Message(piece, 1, Encoding.UTF8.GetBytes(text).ToList());
        piece.Add(2 << 3 | 5);
        piece.AddRange(BitConverter.GetBytes(score));
        Varint(piece, 3, (ulong)type);
        return piece;
    }

    static void Message(List<byte> output, int field, List<byte> body)
    {
        Raw(output, (ulong)(field << 3 | 2));
        Raw(output, (ulong)body.Count);
        output.AddRange(body);
    }

    static void Varint(List<byte> output, int field, ulong value)
    {
        Raw(output, (ulong)(field << 3));
        Raw(output, value);
    }

    static void Raw(List<byte> output, ulong value)
    {
        for (; value >= 0x80; value >>= 7) output.Add((byte)(value | 0x80));
        output.Add((byte)value);
    }
}
