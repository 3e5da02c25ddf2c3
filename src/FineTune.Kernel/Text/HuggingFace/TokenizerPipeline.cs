namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// The Hugging Face tokenizer pipeline: added tokens are cut out of the input first, each plain segment
/// is normalized, pre-tokenized into words and run through the model; decoding maps ids to token
/// strings and runs the decoder chain. Every token keeps its offsets in the original input.
/// </summary>
sealed class TokenizerPipeline
{
    readonly AddedTokenMatcher rawAddedTokens;
    readonly AddedTokenMatcher normalizedAddedTokens;
    readonly Dictionary<int, AddedToken> addedById = [];
    readonly Dictionary<string, AddedToken> addedByContent = [];

    public TokenizerPipeline(ITokenModel model, IReadOnlyList<AddedToken> addedTokens, INormalizer? normalizer = null,
        IPreTokenizer? preTokenizer = null, IDecoder? decoder = null, SpecialTokenTemplate? template = null)
    {
        Model = model;
        Normalizer = normalizer;
        PreTokenizer = preTokenizer;
        Decoder = decoder;
        Template = template ?? SpecialTokenTemplate.None;
        AddedTokens = addedTokens;
        foreach (var token in addedTokens)
        {
            addedById.TryAdd(token.Id, token);
            addedByContent.TryAdd(token.Content, token);
        }
        // Without a normalizer both kinds match the same raw text, so one pass finds them all.
        bool separate = normalizer is not null;
        rawAddedTokens = new AddedTokenMatcher(addedTokens.Where(t => !separate || !t.Normalized));
        normalizedAddedTokens = new AddedTokenMatcher(separate ? addedTokens.Where(t => t.Normalized) : []);
    }

    public ITokenModel Model { get; }
    public INormalizer? Normalizer { get; }
    public IPreTokenizer? PreTokenizer { get; }
    public IDecoder? Decoder { get; }
    public SpecialTokenTemplate Template { get; }
    public IReadOnlyList<AddedToken> AddedTokens { get; }

    /// <summary>Extra cleanup after decoding (transformers' clean_up_tokenization_spaces).</summary>
    public bool CleanUpTokenizationSpaces { get; init; }

    /// <summary>Whether segments skip normalization and pre-tokenization and go to the model whole.</summary>
    bool WholeSegments => Model is ISegmentModel { TakesSegments: true };

    public int Size => Math.Max(Model.Size, addedById.Count == 0 ? 0 : addedById.Keys.Max() + 1);

    public string? IdToToken(int id) => addedById.TryGetValue(id, out var added) ? added.Content : Model.IdToToken(id);

    public int? TokenToId(string token) => addedByContent.TryGetValue(token, out var added) ? added.Id : Model.TokenToId(token);

    public bool IsSpecial(int id) => addedById.TryGetValue(id, out var added) && added.Special;

    /// <summary>Encodes without the template's special tokens; offsets index <paramref name="text"/>.</summary>
    public void Encode(string text, List<ModelToken> output)
    {
        foreach (var segment in rawAddedTokens.Split(text, 0, text.Length))
        {
            if (segment.Token is { } added) output.Add(new ModelToken(added.Id, added.Content, segment.Start, segment.Start + segment.Length));
            else if (WholeSegments) ((ISegmentModel)Model).EncodeSegment(text, segment.Start, segment.Length, output);
            else EncodePlain(NormalizedText.Of(text, segment.Start, segment.Length), output);
        }
    }

    /// <summary>The ids only: the fast path for counting and training data.</summary>
    public void EncodeIds(string text, List<int> output)
    {
        if (!WholeSegments)
        {
            var tokens = new List<ModelToken>();
            Encode(text, tokens);
            foreach (var token in tokens) output.Add(token.Id);
            return;
        }
        foreach (var segment in rawAddedTokens.Split(text, 0, text.Length))
        {
            if (segment.Token is { } added) output.Add(added.Id);
            else ((ISegmentModel)Model).EncodeSegmentIds(text, segment.Start, segment.Length, output);
        }
    }

    void EncodePlain(NormalizedText segment, List<ModelToken> output)
    {
        var normalized = Normalizer?.Normalize(segment) ?? segment;
        foreach (var part in normalizedAddedTokens.Split(normalized.Text, 0, normalized.Text.Length))
        {
            var piece = normalized.Slice(part.Start, part.Length);
            if (part.Token is { } added)
            {
                var (from, to) = piece.OriginalRange(0, piece.Text.Length);
                output.Add(new ModelToken(added.Id, added.Content, from, to));
                continue;
            }
            var words = new List<NormalizedText>();
            if (PreTokenizer is null) words.Add(piece);
            else PreTokenizer.PreTokenize(piece, words);
            var wordTokens = new List<ModelToken>();
            foreach (var word in words)
            {
                wordTokens.Clear();
                Model.Encode(word.Text, wordTokens);
                foreach (var t in wordTokens)
                {
                    var (from, to) = word.OriginalRange(t.Start, t.End);
                    output.Add(t with { Start = from, End = to });
                }
            }
        }
    }

    /// <summary>Ids back to text, through the decoder chain; unknown ids are an error.</summary>
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens, bool? cleanUpTokenizationSpaces = null)
    {
        var kept = new List<int>();
        var tokens = new List<string>();
        foreach (int id in ids)
        {
            if (skipSpecialTokens && IsSpecial(id)) continue;
            kept.Add(id);
            tokens.Add(IdToToken(id) ?? throw new ArgumentOutOfRangeException(nameof(ids), id,
                $"Token id {id} is not in this tokenizer's vocabulary (ids run 0..{Size - 1})."));
        }
        string text = Model is IDecodesIds model ? model.Decode(kept)
            : Decoder is null ? string.Join(" ", tokens) : Decoder.Decode(tokens);
        return cleanUpTokenizationSpaces ?? CleanUpTokenizationSpaces ? CleanUp(text) : text;
    }

    /// <summary>transformers' clean_up_tokenization: no space before punctuation and English contractions.</summary>
    static string CleanUp(string s) => s.Replace(" .", ".").Replace(" ?", "?").Replace(" !", "!").Replace(" ,", ",")
        .Replace(" ' ", "'").Replace(" n't", "n't").Replace(" 'm", "'m").Replace(" 's", "'s")
        .Replace(" 've", "'ve").Replace(" 're", "'re");
}
