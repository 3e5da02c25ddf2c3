using System.Diagnostics;
using System.Text;
using FineTune.Kernel.Text.HuggingFace;

namespace FineTune.Kernel.Text;

/// <summary>
/// Learns a byte-level BPE tokenizer (GPT-2's kind) from text: the text is cut into words by GPT-2's
/// split regex, each word is written as its UTF-8 bytes, and the most frequent adjacent pair of tokens
/// is merged into a new token, again and again, until the vocabulary has the size asked for.
/// Microsoft.ML.Tokenizers has no trainer; this one follows Hugging Face tokenizers' BpeTrainer.
/// <code>
/// var bpe = BpeTrainer.Train(File.ReadAllText("corpus.txt"), new BpeTrainerOptions { VocabSize = 3072 });
/// bpe.Save("out/tokenizer");                       // vocab.json, merges.txt, tokenizer.json, configs
/// var tokenizer = TextTokenizer.Load("out/tokenizer");
/// </code>
/// Ids: the special tokens first (0, 1, ...), then the 256 bytes in byte order, then one id per merge.
/// Ties between equally frequent pairs go to the pair with the smaller ids (left, then right), so the
/// same text always gives the same vocabulary.
/// </summary>
public static class BpeTrainer
{
    /// <summary>Learns a vocabulary from one text (for example a whole corpus file).</summary>
    public static BpeVocabulary Train(string text, BpeTrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Train([text], options);
    }

    /// <summary>Learns a vocabulary from several texts, counted together.</summary>
    public static BpeVocabulary Train(IEnumerable<string> texts, BpeTrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new BpeTrainerOptions();
        options.Validate();
        var clock = Stopwatch.StartNew();
        var (words, wordCount) = CountWords(texts, options.SpecialTokens);

        var tokens = new List<string>(options.VocabSize);
        tokens.AddRange(options.SpecialTokens);
        int firstByte = tokens.Count;
        tokens.AddRange(ByteLevelAlphabet.ByteToChar.Select(c => c.ToString()));

        var merger = new PairMerger(words.Select(w => (Bytes(w.Key, firstByte), w.Value)).ToList());
        var merges = merger.Run(tokens, options.VocabSize, options.MinFrequency, options.SpecialTokens.ToHashSet());
        return new BpeVocabulary(tokens, merges, options.SpecialTokens, options.ModelMaxLength, words.Count, wordCount, clock.Elapsed);
    }

    static int[] Bytes(string word, int firstByte)
    {
        var bytes = Encoding.UTF8.GetBytes(word);
        var ids = new int[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) ids[i] = firstByte + bytes[i];
        return ids;
    }

    /// <summary>
    /// How often each pre-tokenised word occurs, the text between special tokens cut by GPT-2's regex
    /// exactly as encoding cuts it.
    /// </summary>
    static (Dictionary<string, int> Counts, long Total) CountWords(IEnumerable<string> texts, IReadOnlyList<string> specialTokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var pieces = new List<(int Start, int Length)>();
        long total = 0;
        foreach (string text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
            foreach (var (start, length) in BetweenSpecialTokens(text, specialTokens))
            {
                pieces.Clear();
                ByteLevelPreTokenizer.Gpt2Splitter.Split(text, start, length, pieces);
                foreach (var (s, l) in pieces)
                {
                    var word = text.AsSpan(s, l);
                    lookup[word] = lookup.TryGetValue(word, out int n) ? n + 1 : 1;
                }
                total += pieces.Count;
            }
        }
        return (counts, total);
    }

    /// <summary>The (start, length) stretches of <paramref name="text"/> that are not special-token text.</summary>
    static IEnumerable<(int Start, int Length)> BetweenSpecialTokens(string text, IReadOnlyList<string> specialTokens)
    {
        var found = new int[specialTokens.Count];            // each token's next occurrence at or after `at` (or text.Length)
        Array.Fill(found, -1);
        int at = 0;
        while (at < text.Length)
        {
            int next = text.Length, skip = 0;
            for (int i = 0; i < found.Length; i++)
            {
                if (found[i] < at && found[i] != text.Length)
                    found[i] = text.IndexOf(specialTokens[i], at, StringComparison.Ordinal) is int f and >= 0 ? f : text.Length;
                if (found[i] < next || (found[i] == next && next < text.Length && specialTokens[i].Length > skip))
                    (next, skip) = (found[i], specialTokens[i].Length);
            }
            if (next > at) yield return (at, next - at);
            at = next + skip;
        }
    }
}
