namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>One token a model produced for a word: its id, its vocabulary string, and its [Start, End) in the word.</summary>
readonly record struct ModelToken(int Id, string Value, int Start, int End);

/// <summary>A tokenizer.json "model": turns one pre-tokenized word into vocabulary ids (BPE, WordPiece, Unigram).</summary>
interface ITokenModel
{
    void Encode(string word, List<ModelToken> output);

    string? IdToToken(int id);

    int? TokenToId(string token);

    /// <summary>The highest id plus one.</summary>
    int Size { get; }
}

/// <summary>A model that decodes ids itself rather than through token strings (tiktoken's tokens are raw bytes).</summary>
interface IDecodesIds
{
    string Decode(IEnumerable<int> ids);
}
