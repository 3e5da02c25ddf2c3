using System.Text;
using System.Text.RegularExpressions;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// Builds a byte-level BPE pipeline from the "slow" tokenizer files vocab.json + merges.txt, as
/// transformers' GPT2Tokenizer (GPT-2's regex) or Qwen2Tokenizer (NFC and Qwen2's regex) reads them.
/// </summary>
static class VocabMergesReader
{
    public const string VocabFile = "vocab.json";
    public const string MergesFile = "merges.txt";

    /// <summary>Qwen2's split pattern (transformers' Qwen2Tokenizer PRETOKENIZE_REGEX).</summary>
    public const string Qwen2Pattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    public static readonly string[] TokenizerClasses = ["GPT2Tokenizer", "GPT2TokenizerFast", "Qwen2Tokenizer", "Qwen2TokenizerFast"];

    public static TokenizerPipeline Read(string folder, TokenizerConfig config, IReadOnlyList<AddedToken> addedTokens)
    {
        string vocabFile = Path.Combine(folder, VocabFile);
        var vocab = JsonFields.Open(vocabFile).Properties().ToDictionary(p => p.Name, p => p.Value.AsInt());
        var merges = ReadMerges(Path.Combine(folder, MergesFile));
        bool qwen2 = config.TokenizerClass?.StartsWith("Qwen2") == true;
        if (config.TokenizerClass is { } cls && !TokenizerClasses.Contains(cls))
            throw new NotSupportedException($"{Path.Combine(folder, TokenizerConfig.ConfigFile)}: tokenizer_class '{cls}' with vocab.json + merges.txt " +
                $"and no tokenizer.json is not supported (supported: {string.Join(", ", TokenizerClasses)}).");

        var settings = new BpeSettings(vocab, merges);
        IPreTokenizer preTokenizer = qwen2
            ? new SequencePreTokenizer([
                new RegexSplitter(new CodePointRegex(Qwen2Pattern, RegexOptions.Compiled), SplitBehavior.Isolated, false),
                new ByteLevelPreTokenizer(addPrefixSpace: false, useRegex: false)])
            : new ByteLevelPreTokenizer(config.AddPrefixSpace ?? false, useRegex: true);
        INormalizer? normalizer = qwen2 ? new UnicodeNormalizer(NormalizationForm.FormC) : null;
        var wholeSegments = TokenizerJsonReader.WholeSegmentSplitter(settings, normalizer, preTokenizer);
        var model = new BpeModel(settings, wholeSegments);
        return new TokenizerPipeline(model, addedTokens, normalizer, wholeSegments is null ? preTokenizer : null, new ByteLevelDecoder())
        {
            CleanUpTokenizationSpaces = config.CleanUpTokenizationSpaces,
        };
    }

    /// <summary>One "a b" merge per line; a first line starting with "#version" is a header (as Hugging Face tokenizers read it).</summary>
    public static List<string> ReadMerges(string file)
    {
        var merges = new List<string>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (line.Length == 0 || (lineNumber == 1 && line.StartsWith("#version"))) continue;
            if (line.Split(' ').Length != 2)
                throw new InvalidDataException($"{file}: line {lineNumber} should be two tokens separated by one space, found '{line}'.");
            merges.Add(line);
        }
        return merges;
    }
}
