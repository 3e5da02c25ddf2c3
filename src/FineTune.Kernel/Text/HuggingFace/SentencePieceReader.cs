namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// Builds a <see cref="TokenizerPipeline"/> from a SentencePiece tokenizer.model (Llama 2, Mistral, TinyLlama,
/// Gemma): our normalizer (for offsets and nmt_nfkc rules), Microsoft.ML.Tokenizers' SentencePiece model, and
/// sentencepiece's decoding. Control and unknown pieces become special tokens, user-defined pieces added tokens.
/// </summary>
static class SentencePieceReader
{
    /// <summary>A read tokenizer.model: the pipeline, its kind ("SentencePiece BPE"), and its special pieces.</summary>
    public sealed record Result(TokenizerPipeline Pipeline, string Kind, string? Bos, string? Eos, string? Unk, string? Pad);

    public static Result Read(string file)
    {
        var model = SentencePieceModelFile.Read(file);
        if (model.ModelType is not (1 or 2))
            throw new NotSupportedException($"{file}: SentencePiece model type {(model.ModelType == 3 ? "WORD" : "CHAR")} is not supported (supported: BPE, Unigram).");
        if (model.TreatWhitespaceAsSuffix)
            throw new NotSupportedException($"{file}: SentencePiece models with treat_whitespace_as_suffix are not supported.");

        var added = new List<AddedToken>();
        for (int id = 0; id < model.Pieces.Count; id++)
        {
            var piece = model.Pieces[id];
            if (piece.Type is SentencePieceModelFile.PieceType.Control or SentencePieceModelFile.PieceType.Unknown)
                added.Add(new AddedToken(id, piece.Text, Special: true));
            else if (piece.Type == SentencePieceModelFile.PieceType.UserDefined)
                added.Add(new AddedToken(id, piece.Text, Special: false));
        }
        var pipeline = new TokenizerPipeline(Model(model), added, new SentencePieceNormalizer(model), decoder: new SentencePieceDecoder(model));
        return new Result(pipeline, $"SentencePiece {(model.IsBpe ? "BPE" : "Unigram")}",
            model.PieceOf(model.BosId), model.PieceOf(model.EosId), model.PieceOf(model.UnknownId), model.PieceOf(model.PadId));
    }

    /// <summary>
    /// BPE runs on Microsoft.ML.Tokenizers' BpeTokenizer with merges derived from the piece scores (as
    /// transformers' LlamaConverter derives them), not on its SentencePieceTokenizer, which breaks ties
    /// between equal-scored merges from the wrong end ("───────" comes out as ─ ── ──── instead of
    /// ──── ── ─). Unigram uses our own Viterbi: Microsoft.ML.Tokenizers 2.0.1 does not fuse runs of
    /// unknown characters into one &lt;unk&gt; as sentencepiece does, and throws on some inputs with byte fallback.
    /// </summary>
    static ITokenModel Model(SentencePieceModelFile model)
    {
        int unknown = model.Pieces.FindIndex(p => p.Type == SentencePieceModelFile.PieceType.Unknown);
        if (model.IsBpe)
        {
            var vocab = new Dictionary<string, int>();
            for (int id = 0; id < model.Pieces.Count; id++) vocab.TryAdd(model.Pieces[id].Text, id);
            return new BpeModel(new BpeSettings(vocab, Merges(model, vocab),
                UnknownToken: unknown >= 0 ? model.Pieces[unknown].Text : null, FuseUnknown: true, ByteFallback: model.ByteFallback));
        }
        var pieces = model.Pieces.Select(p => new UnigramPiece(p.Text, p.Score,
            Matchable: p.Type is SentencePieceModelFile.PieceType.Normal or SentencePieceModelFile.PieceType.UserDefined,
            UserDefined: p.Type == SentencePieceModelFile.PieceType.UserDefined)).ToList();
        return new UnigramModel(pieces, unknown, model.ByteFallback);
    }

    /// <summary>
    /// Every split of a normal piece into two pieces is a merge, ranked by the whole piece's score
    /// (highest first), ties by the ids of the two halves.
    /// </summary>
    static List<string> Merges(SentencePieceModelFile model, Dictionary<string, int> vocab)
    {
        var merges = new List<(float Score, int Left, int Right, string Merge)>();
        foreach (var piece in model.Pieces.Where(p => p.Type == SentencePieceModelFile.PieceType.Normal))
        {
            if (piece.Text.Contains(' '))
                throw new NotSupportedException($"{model.File}: BPE pieces containing a space are not supported ('{piece.Text}').");
            for (int cut = 1; cut < piece.Text.Length; cut++)
            {
                if (char.IsLowSurrogate(piece.Text[cut])) continue;
                string left = piece.Text[..cut], right = piece.Text[cut..];
                if (vocab.TryGetValue(left, out int l) && vocab.TryGetValue(right, out int r))
                    merges.Add((piece.Score, l, r, left + " " + right));
            }
        }
        return merges.OrderByDescending(m => m.Score).ThenBy(m => m.Left).ThenBy(m => m.Right).Select(m => m.Merge).ToList();
    }
}
