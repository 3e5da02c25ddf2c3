using System.Text;
using Microsoft.ML.Tokenizers;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// BERT's WordPiece on Microsoft.ML.Tokenizers' <see cref="WordPieceTokenizer"/>: the longest vocabulary
/// prefix first, then "##"-prefixed continuations; a word that cannot be covered is one unknown token.
/// </summary>
sealed class WordPieceModel : ITokenModel
{
    readonly WordPieceTokenizer wordPiece;
    readonly IReadOnlyDictionary<string, int> vocab;
    readonly string[] idToToken;

    public WordPieceModel(IReadOnlyDictionary<string, int> vocab, string unknownToken, string continuingSubwordPrefix, int maxInputCharsPerWord, string file)
    {
        this.vocab = vocab;
        idToToken = new string[vocab.Count];
        foreach (var (token, id) in vocab)
        {
            if (id < 0 || id >= vocab.Count || token.Contains('\n'))
                throw new NotSupportedException($"{file}: WordPiece vocabulary ids must run 0..{vocab.Count - 1} without gaps or newlines in tokens (token '{token}' has id {id}).");
            idToToken[id] = token;
        }
        // Microsoft.ML.Tokenizers reads a BERT vocab.txt: one token per line, the line number is the id.
        using var lines = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", idToToken) + "\n"));
        wordPiece = WordPieceTokenizer.Create(lines, new WordPieceOptions
        {
            UnknownToken = unknownToken,
            ContinuingSubwordPrefix = continuingSubwordPrefix,
            MaxInputCharsPerWord = maxInputCharsPerWord,
        });
    }

    public int Size => idToToken.Length;

    public string? IdToToken(int id) => id >= 0 && id < idToToken.Length ? idToToken[id] : null;

    public int? TokenToId(string token) => vocab.TryGetValue(token, out int id) ? id : null;

    public void Encode(string word, List<ModelToken> output)
    {
        foreach (var token in wordPiece.EncodeToTokens(word, out _, considerPreTokenization: false, considerNormalization: false))
        {
            var (start, length) = token.Offset.GetOffsetAndLength(word.Length);
            output.Add(new ModelToken(token.Id, token.Value, start, start + length));
        }
    }
}
