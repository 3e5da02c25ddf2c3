using Microsoft.ML.Tokenizers;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// OpenAI's tiktoken encodings (o200k_base for GPT-4o, cl100k_base for GPT-4) from
/// Microsoft.ML.Tokenizers' data packages, for counting tokens without a model.
/// </summary>
sealed class TiktokenModel : ITokenModel, ISegmentModel, IDecodesIds
{
    readonly TiktokenTokenizer tiktoken;

    public TiktokenModel(string encoding)
    {
        tiktoken = TiktokenTokenizer.CreateForEncoding(encoding);
        SpecialTokens = tiktoken.SpecialTokens?.Select(kv => new AddedToken(kv.Value, kv.Key, Special: true)).ToList() ?? [];
        Size = SpecialTokens.Select(t => t.Id).DefaultIfEmpty(0).Max() + 1;
    }

    public IReadOnlyList<AddedToken> SpecialTokens { get; }

    public int Size { get; }

    public bool TakesSegments => true;

    /// <summary>The text of the token (tiktoken tokens are bytes; a token holding part of a character shows U+FFFD).</summary>
    public string? IdToToken(int id) => id >= 0 && id < Size ? tiktoken.Decode([id]) : null;

    public int? TokenToId(string token) => tiktoken.EncodeToIds(token) is [int id] ? id : null;

    public void Encode(string word, List<ModelToken> output) => EncodeSegment(word, 0, word.Length, output);

    public void EncodeSegment(string text, int start, int length, List<ModelToken> output)
    {
        string segment = text.Substring(start, length);
        foreach (var token in tiktoken.EncodeToTokens(segment, out _))
        {
            var (s, l) = token.Offset.GetOffsetAndLength(segment.Length);
            output.Add(new ModelToken(token.Id, token.Value, start + s, start + s + l));
        }
    }

    public void EncodeSegmentIds(string text, int start, int length, List<int> output) =>
        output.AddRange(tiktoken.EncodeToIds(text.AsSpan(start, length)));

    /// <summary>tiktoken joins the bytes of all tokens before decoding, so characters split across tokens survive.</summary>
    public string Decode(IEnumerable<int> ids) => tiktoken.Decode(ids);
}
