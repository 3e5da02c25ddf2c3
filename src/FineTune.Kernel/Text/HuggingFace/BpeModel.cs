using System.Text;
using Microsoft.ML.Tokenizers;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>What a Hugging Face BPE model says about itself (tokenizer.json "model" of type BPE, or vocab.json + merges.txt).</summary>
sealed record BpeSettings(
    IReadOnlyDictionary<string, int> Vocab,
    IReadOnlyList<string> Merges,
    string? UnknownToken = null,
    string? ContinuingSubwordPrefix = null,
    string? EndOfWordSuffix = null,
    bool FuseUnknown = false,
    bool ByteFallback = false,
    bool IgnoreMerges = false);

/// <summary>
/// Byte-pair encoding on Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/>, plus the parts of
/// Hugging Face's BPE it lacks: byte fallback (an unknown character becomes its UTF-8 bytes as
/// &lt;0xNN&gt; tokens), fusing runs of unknown tokens, and ignore_merges (a word that is already in
/// the vocabulary is one token).
/// </summary>
sealed class BpeModel : ITokenModel, ISegmentModel
{
    readonly BpeTokenizer bpe;
    readonly IReadOnlyDictionary<string, int> vocab;
    readonly Dictionary<int, string> idToToken;
    readonly BpeSettings settings;
    readonly int? unknownId;
    readonly int[]? byteIds; // id of "<0xNN>" for each byte, when byte fallback is on
    readonly HashSet<int> neighbours = []; // pairs of UTF-16 chars that stand side by side in some token

    /// <summary>Words longer than this are cut where no token can span the cut, before merging (see <see cref="Chunks"/>).</summary>
    const int LongWord = 64;

    /// <summary>
    /// Builds the model. With <paramref name="byteLevelSplitter"/>, Microsoft.ML.Tokenizers itself does the
    /// byte-level mapping and runs the splitter, so whole segments go through <see cref="EncodeSegment"/>.
    /// </summary>
    public BpeModel(BpeSettings settings, Splitter? byteLevelSplitter = null)
    {
        this.settings = settings;
        vocab = settings.Vocab;
        idToToken = [];
        foreach (var (token, id) in vocab) idToToken[id] = token;
        unknownId = settings.UnknownToken is not null && vocab.TryGetValue(settings.UnknownToken, out int u) ? u : null;
        foreach (var token in vocab.Keys)
            for (int i = 1; i < token.Length; i++) neighbours.Add(token[i - 1] << 16 | token[i]);
        if (settings.ByteFallback) byteIds = ByteTokenIds(vocab);
        IsByteLevel = byteLevelSplitter is not null;

        bpe = BpeTokenizer.Create(new BpeOptions(vocab)
        {
            Merges = settings.Merges,
            UnknownToken = unknownId is null ? null : settings.UnknownToken,
            FuseUnknownTokens = false, // fused below, after byte fallback had its chance
            ContinuingSubwordPrefix = NullIfEmpty(settings.ContinuingSubwordPrefix),
            EndOfWordSuffix = NullIfEmpty(settings.EndOfWordSuffix),
            ByteLevel = IsByteLevel,
            PreTokenizer = byteLevelSplitter is null ? null : new SplitterPreTokenizer(byteLevelSplitter),
        });
    }

    /// <summary>True when segments go to Microsoft.ML.Tokenizers whole (<see cref="EncodeSegment"/>).</summary>
    public bool IsByteLevel { get; }

    public bool TakesSegments => IsByteLevel;

    /// <summary>The Microsoft.ML.Tokenizers tokenizer doing the merges.</summary>
    public BpeTokenizer Inner => bpe;

    public int Size => idToToken.Count == 0 ? 0 : idToToken.Keys.Max() + 1;

    public string? IdToToken(int id) => idToToken.GetValueOrDefault(id);

    public int? TokenToId(string token) => vocab.TryGetValue(token, out int id) ? id : null;

    public void Encode(string word, List<ModelToken> output)
    {
        if (settings.IgnoreMerges && vocab.TryGetValue(word, out int whole))
        {
            output.Add(new ModelToken(whole, word, 0, word.Length));
            return;
        }
        int first = output.Count;
        foreach (var (chunkStart, chunkLength) in Chunks(word))
        {
            string chunk = chunkLength == word.Length ? word : word.Substring(chunkStart, chunkLength);
            foreach (var token in bpe.EncodeToTokens(chunk, out _, considerPreTokenization: false, considerNormalization: false))
            {
                var (start, length) = token.Offset.GetOffsetAndLength(chunk.Length);
                start += chunkStart;
                if (token.Id == unknownId && byteIds is not null) AddBytes(word, start, length, output);
                else output.Add(new ModelToken(token.Id, token.Value, start, start + length));
            }
        }
        if (settings.FuseUnknown && unknownId is int unk) FuseUnknown(output, first, unk);
    }

    /// <summary>
    /// Cuts a long word (a whole Llama 2 text is one word) where two neighbouring characters never stand
    /// side by side in any token: no merge can cross such a cut, so merging the pieces apart gives the
    /// same tokens, without merging a megabyte-long word as one (which Microsoft.ML.Tokenizers does in
    /// quadratic time).
    /// </summary>
    internal List<(int Start, int Length)> Chunks(string word)
    {
        if (word.Length <= LongWord) return [(0, word.Length)];
        var chunks = new List<(int, int)>();
        int start = 0;
        for (int i = 1; i < word.Length; i++)
        {
            if (char.IsLowSurrogate(word[i]) || neighbours.Contains(word[i - 1] << 16 | word[i])) continue;
            chunks.Add((start, i - start));
            start = i;
        }
        chunks.Add((start, word.Length - start));
        return chunks;
    }

    /// <summary>Encodes text[start, start+length) in one call (byte-level models); offsets are absolute.</summary>
    public void EncodeSegment(string text, int start, int length, List<ModelToken> output)
    {
        string segment = start == 0 && length == text.Length ? text : text.Substring(start, length);
        foreach (var token in bpe.EncodeToTokens(segment, out _))
        {
            var (s, l) = token.Offset.GetOffsetAndLength(segment.Length);
            output.Add(new ModelToken(token.Id, token.Value, start + s, start + s + l));
        }
    }

    /// <summary>The ids only, for text[start, start+length) (byte-level models).</summary>
    public void EncodeSegmentIds(string text, int start, int length, List<int> output)
    {
        if (start == 0 && length == text.Length) output.AddRange(bpe.EncodeToIds(text));
        else output.AddRange(bpe.EncodeToIds(text.AsSpan(start, length)));
    }

    void AddBytes(string word, int start, int length, List<ModelToken> output)
    {
        var bytes = Encoding.UTF8.GetBytes(word.Substring(start, length));
        if (bytes.Any(b => byteIds![b] < 0))
        {
            output.Add(new ModelToken(unknownId!.Value, settings.UnknownToken!, start, start + length));
            return;
        }
        foreach (byte b in bytes) output.Add(new ModelToken(byteIds![b], $"<0x{b:X2}>", start, start + length));
    }

    static void FuseUnknown(List<ModelToken> tokens, int from, int unk)
    {
        for (int i = from + 1; i < tokens.Count;)
        {
            if (tokens[i].Id == unk && tokens[i - 1].Id == unk)
            {
                tokens[i - 1] = tokens[i - 1] with { End = tokens[i].End };
                tokens.RemoveAt(i);
            }
            else i++;
        }
    }

    static int[] ByteTokenIds(IReadOnlyDictionary<string, int> vocab)
    {
        var ids = new int[256];
        for (int b = 0; b < 256; b++) ids[b] = vocab.TryGetValue($"<0x{b:X2}>", out int id) ? id : -1;
        return ids;
    }

    static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
