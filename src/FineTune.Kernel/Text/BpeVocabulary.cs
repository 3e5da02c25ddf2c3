using System.Globalization;
using FineTune.Kernel.Text.HuggingFace;

namespace FineTune.Kernel.Text;

/// <summary>
/// A byte-level BPE vocabulary learned by <see cref="BpeTrainer"/>: the tokens by id and the merges
/// in the order they were learned. <see cref="Save"/> writes it as a Hugging Face tokenizer folder.
/// </summary>
public sealed class BpeVocabulary
{
    internal BpeVocabulary(IReadOnlyList<string> tokens, IReadOnlyList<(string Left, string Right)> merges, IReadOnlyList<string> specialTokens,
        int? modelMaxLength, int uniqueWords, long words, TimeSpan elapsed)
    {
        Tokens = tokens;
        Merges = merges;
        SpecialTokens = specialTokens;
        ModelMaxLength = modelMaxLength;
        UniqueWords = uniqueWords;
        Words = words;
        Elapsed = elapsed;
    }

    /// <summary>Every token by id, written in GPT-2's byte alphabet ("Ġthe" is " the").</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The merges in rank order: (left, right) became left + right.</summary>
    public IReadOnlyList<(string Left, string Right)> Merges { get; }

    /// <summary>The special tokens (ids 0, 1, ...); the first is bos, eos and pad.</summary>
    public IReadOnlyList<string> SpecialTokens { get; }

    /// <summary>The context length written to tokenizer_config.json, if given.</summary>
    public int? ModelMaxLength { get; }

    /// <summary>Number of ids (special tokens, 256 bytes and the learned tokens).</summary>
    public int VocabSize => Tokens.Count;

    /// <summary>How many distinct pre-tokenised words the training text had.</summary>
    public int UniqueWords { get; }

    /// <summary>How many pre-tokenised words the training text had.</summary>
    public long Words { get; }

    /// <summary>How long training took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// Writes vocab.json, merges.txt, tokenizer.json, tokenizer_config.json and special_tokens_map.json
    /// into <paramref name="folder"/> (created if needed), each atomically. <see cref="TextTokenizer.Load"/>
    /// reads the folder back, through tokenizer.json or through vocab.json + merges.txt with the same ids;
    /// so does transformers' AutoTokenizer. Encoding adds the first special token in front (BOS).
    /// </summary>
    public void Save(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ByteLevelBpeFiles.Write(folder, Tokens, Merges, SpecialTokens, ModelMaxLength);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"byte-level BPE: {VocabSize} ids ({SpecialTokens.Count} special, 256 bytes, {Merges.Count} merges) from {Words:N0} words ({UniqueWords:N0} distinct) in {Elapsed.TotalSeconds:F2} s");
}
