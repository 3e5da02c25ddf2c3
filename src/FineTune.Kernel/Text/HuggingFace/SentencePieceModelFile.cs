using System.Text;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// The parts of a SentencePiece tokenizer.model (a protobuf ModelProto) this kit needs: the pieces with
/// scores and types, the model type, byte fallback, and the normalizer settings. Read with a small
/// protobuf reader of our own, since Microsoft.ML.Tokenizers does not expose scores or the normalizer name.
/// Field numbers follow sentencepiece_model.proto.
/// </summary>
sealed class SentencePieceModelFile
{
    /// <summary>SentencePiece piece types.</summary>
    public enum PieceType { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 }

    public sealed record Piece(string Text, float Score, PieceType Type);

    public List<Piece> Pieces { get; } = [];
    public bool IsBpe { get; private set; }          // trainer_spec.model_type: 1 unigram, 2 BPE
    public int ModelType { get; private set; } = 1;
    public bool ByteFallback { get; private set; }
    public bool TreatWhitespaceAsSuffix { get; private set; }
    public string UnknownSurface { get; private set; } = " \u2047 ";
    public int UnknownId { get; private set; }
    public int BosId { get; private set; } = 1;
    public int EosId { get; private set; } = 2;
    public int PadId { get; private set; } = -1;
    public string NormalizerName { get; private set; } = "nmt_nfkc";
    public byte[] PrecompiledCharsMap { get; private set; } = [];
    public bool AddDummyPrefix { get; private set; } = true;
    public bool RemoveExtraWhitespaces { get; private set; } = true;
    public bool EscapeWhitespaces { get; private set; } = true;
    public byte[] Bytes { get; }
    public string File { get; }

    SentencePieceModelFile(string file, byte[] bytes)
    {
        File = file;
        Bytes = bytes;
    }

    public static SentencePieceModelFile Read(string file)
    {
        var model = new SentencePieceModelFile(file, System.IO.File.ReadAllBytes(file));
        try
        {
            foreach (var (field, value) in Fields(model.Bytes))
            {
                if (field == 1) model.Pieces.Add(ReadPiece(value.Bytes));
                else if (field == 2) model.ReadTrainerSpec(value.Bytes);
                else if (field == 3) model.ReadNormalizerSpec(value.Bytes);
            }
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidDataException)
        {
            throw new InvalidDataException($"{file}: not a valid SentencePiece model ({e.Message}).", e);
        }
        if (model.Pieces.Count == 0) throw new InvalidDataException($"{file}: not a SentencePiece model (no pieces).");
        model.IsBpe = model.ModelType == 2;
        return model;
    }

    /// <summary>The piece text of a special id from the trainer spec, or null when the model has none (-1).</summary>
    public string? PieceOf(int id) => id >= 0 && id < Pieces.Count ? Pieces[id].Text : null;

    static Piece ReadPiece(ReadOnlyMemory<byte> bytes)
    {
        string text = "";
        float score = 0;
        var type = PieceType.Normal;
        foreach (var (field, value) in Fields(bytes))
        {
            if (field == 1) text = Encoding.UTF8.GetString(value.Bytes.Span);
            else if (field == 2) score = BitConverter.Int32BitsToSingle((int)value.Number);
            else if (field == 3) type = (PieceType)value.Number;
        }
        return new Piece(text, score, type);
    }

    void ReadTrainerSpec(ReadOnlyMemory<byte> bytes)
    {
        foreach (var (field, value) in Fields(bytes))
        {
            if (field == 3) ModelType = (int)value.Number;
            else if (field == 24) TreatWhitespaceAsSuffix = value.Number != 0;
            else if (field == 35) ByteFallback = value.Number != 0;
            else if (field == 40) UnknownId = (int)value.Number;
            else if (field == 41) BosId = (int)value.Number;
            else if (field == 42) EosId = (int)value.Number;
            else if (field == 43) PadId = (int)value.Number;
            else if (field == 44) UnknownSurface = Encoding.UTF8.GetString(value.Bytes.Span);
        }
    }

    void ReadNormalizerSpec(ReadOnlyMemory<byte> bytes)
    {
        foreach (var (field, value) in Fields(bytes))
        {
            if (field == 1) NormalizerName = Encoding.UTF8.GetString(value.Bytes.Span);
            else if (field == 2) PrecompiledCharsMap = value.Bytes.ToArray();
            else if (field == 3) AddDummyPrefix = value.Number != 0;
            else if (field == 4) RemoveExtraWhitespaces = value.Number != 0;
            else if (field == 5) EscapeWhitespaces = value.Number != 0;
        }
    }

    /// <summary>A field's value: a number (varint or fixed) or a length-delimited byte range.</summary>
    readonly record struct Value(ulong Number, ReadOnlyMemory<byte> Bytes);

    /// <summary>The (field number, value) pairs of one protobuf message.</summary>
    static IEnumerable<(int Field, Value Value)> Fields(ReadOnlyMemory<byte> message)
    {
        int at = 0;
        while (at < message.Length)
        {
            ulong key = Varint(message.Span, ref at);
            int field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0: yield return (field, new Value(Varint(message.Span, ref at), default)); break;
                case 1: yield return (field, new Value(BitConverter.ToUInt64(message.Span.Slice(at, 8)), default)); at += 8; break;
                case 2:
                    int length = checked((int)Varint(message.Span, ref at));
                    yield return (field, new Value(0, message.Slice(at, length)));
                    at += length;
                    break;
                case 5: yield return (field, new Value(BitConverter.ToUInt32(message.Span.Slice(at, 4)), default)); at += 4; break;
                default: throw new InvalidDataException($"unknown protobuf wire type {key & 7} at byte {at}");
            }
        }
    }

    static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = bytes[at++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
            if (shift > 63) throw new InvalidDataException("varint too long");
        }
    }
}
