namespace FineTune.Kernel.Text;

/// <summary>
/// Settings of <see cref="BpeTrainer"/>: how large a vocabulary to learn and which special tokens it has.
/// <code>
/// var bpe = BpeTrainer.Train(text, new BpeTrainerOptions { VocabSize = 3072 });
/// </code>
/// </summary>
public sealed record BpeTrainerOptions
{
    /// <summary>The document separator GPT-2 uses, and the default (and only) special token.</summary>
    public const string EndOfText = "<|endoftext|>";

    /// <summary>
    /// Size of the finished vocabulary, special tokens and the 256 byte tokens included (as Hugging Face
    /// tokenizers count it). Training stops earlier when no pair of tokens occurs <see cref="MinFrequency"/> times.
    /// </summary>
    public int VocabSize { get; init; } = 3072;

    /// <summary>A pair of tokens is merged only if it occurs at least this many times in the text.</summary>
    public int MinFrequency { get; init; } = 2;

    /// <summary>
    /// Special tokens, given ids 0, 1, ... in this order. The first is the tokenizer's bos, eos and pad
    /// token: it separates documents in training data and starts every encoded text. Their text in the
    /// training data is cut out before counting (it never becomes part of a learned token).
    /// </summary>
    public IReadOnlyList<string> SpecialTokens { get; init; } = [EndOfText];

    /// <summary>Written as model_max_length in tokenizer_config.json (the model's context length), if known.</summary>
    public int? ModelMaxLength { get; init; }

    internal void Validate()
    {
        if (SpecialTokens.Count == 0) throw new ArgumentException("at least one special token is needed (the document separator)", nameof(SpecialTokens));
        if (SpecialTokens.Any(string.IsNullOrEmpty)) throw new ArgumentException("special tokens must not be empty", nameof(SpecialTokens));
        if (SpecialTokens.Distinct().Count() != SpecialTokens.Count) throw new ArgumentException("special tokens must be distinct", nameof(SpecialTokens));
        int floor = SpecialTokens.Count + 256;
        if (VocabSize < floor)
            throw new ArgumentOutOfRangeException(nameof(VocabSize), VocabSize, $"the vocabulary needs at least {floor} ids: {SpecialTokens.Count} special tokens and 256 bytes");
        if (MinFrequency < 1) throw new ArgumentOutOfRangeException(nameof(MinFrequency), MinFrequency, "must be at least 1");
    }
}
