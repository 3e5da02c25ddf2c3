using System.Text.RegularExpressions;

namespace FineTune.Samples;

/// <summary>
/// What the pretraining corpus must never contain, so that zero-shot, few-shot and LoRA results on
/// the held-out files measure something: the Alpaca layout and preamble, the four instruction
/// sentences, any held-out classification text, any comparison of a held-out "larger" pair, and
/// any chat exchange or preference answer verbatim. Texts are compared normalised, as substrings.
/// </summary>
sealed class CorpusExclusions
{
    /// <summary>The marker of Alpaca's "### Instruction:" / "### Response:" layout.</summary>
    public const string AlpacaMarker = "###";

    public const string AlpacaPreamble = "Below is an instruction that describes a task";

    /// <summary>Words that make a sentence with two numbers a comparison of them.</summary>
    public static readonly IReadOnlyList<string> ComparisonWords =
        ["larger", "largest", "smaller", "smallest", "bigger", "biggest", "greater", "greatest", "more", "most", "less", "least", "fewer", "than", "or", "higher", "lower"];

    const int PrefixLength = 8;
    static readonly Regex SentenceBreak = new(@"[.!?\n]+", RegexOptions.CultureInvariant);
    static readonly Regex Token = new(@"[a-z0-9]+(?:-[a-z0-9]+)*", RegexOptions.CultureInvariant);
    static readonly Dictionary<string, int> NumberTokens = Enumerable.Range(0, 1000).ToDictionary(n => $"{n}", n => n);
    static readonly Dictionary<string, int> NumberWordTokens = Enumerable.Range(1, 99).ToDictionary(NumberWords.Of, n => n);

    readonly TaskSplit split;
    readonly Dictionary<string, List<string>> forbiddenByPrefix = new(StringComparer.Ordinal);

    public CorpusExclusions(SampleSet samples)
    {
        split = samples.Split;
        var texts = new List<string> { AlpacaPreamble };
        texts.AddRange(InstructionTasks.Instructions);
        texts.AddRange(samples.ClassificationTest.Select(r => r.Text));
        foreach (ChatRow row in samples.Chat)
            for (int i = 1; i < row.Messages.Count; i++)
                if (row.Messages[i - 1].Role == "user" && row.Messages[i].Role == "assistant")
                    texts.Add($"{row.Messages[i - 1].Content} {row.Messages[i].Content}");
        foreach (PreferenceRow row in samples.Preferences)
        {
            texts.Add($"{row.Prompt} {row.Chosen}");
            texts.Add($"{row.Prompt} {row.Rejected}");
        }
        foreach (string text in texts)
        {
            string normalized = MessyChecks.Normalize(text);
            if (normalized.Length < PrefixLength) throw new InvalidOperationException($"excluded text '{text}' is too short to search for");
            string prefix = normalized[..PrefixLength];
            if (!forbiddenByPrefix.TryGetValue(prefix, out List<string>? list)) forbiddenByPrefix[prefix] = list = [];
            if (!list.Contains(normalized)) list.Add(normalized);
        }
        LongestExcluded = forbiddenByPrefix.Values.SelectMany(l => l).Max(s => s.Length);
    }

    /// <summary>The length of the longest excluded text, normalised.</summary>
    public int LongestExcluded { get; }

    /// <summary>Why <paramref name="text"/> may not be in the corpus, or null when it may.</summary>
    public string? Violation(string text)
    {
        if (text.Contains(AlpacaMarker, StringComparison.Ordinal)) return $"the Alpaca layout marker '{AlpacaMarker}'";
        string? excluded = FindExcluded(MessyChecks.Normalize(text));
        if (excluded is not null) return $"the excluded text '{excluded}'";
        foreach (var (a, b) in ComparedPairs(text))
            if (split.IsHeldOutPair(a, b)) return $"a comparison of the held-out pair {a} and {b}";
        return null;
    }

    string? FindExcluded(string normalized)
    {
        var lookup = forbiddenByPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<char> span = normalized;
        for (int i = 0; i + PrefixLength <= span.Length; i++)
        {
            if (!lookup.TryGetValue(span.Slice(i, PrefixLength), out List<string>? candidates)) continue;
            foreach (string candidate in candidates)
                if (span[i..].StartsWith(candidate, StringComparison.Ordinal)) return candidate;
        }
        return null;
    }

    /// <summary>Every pair of numbers (digits, or words up to ninety-nine) that share a sentence with a comparison word.</summary>
    public static IEnumerable<(int A, int B)> ComparedPairs(string text)
    {
        foreach (string sentence in SentenceBreak.Split(text.ToLowerInvariant()))
        {
            var tokens = Token.Matches(sentence).Select(m => m.Value).ToList();
            if (!tokens.Any(ComparisonWords.Contains)) continue;
            var numbers = tokens.Select(t => NumberTokens.TryGetValue(t, out int n) || NumberWordTokens.TryGetValue(t, out n) ? n : -1)
                .Where(n => n >= 0).ToList();
            for (int i = 0; i < numbers.Count; i++)
                for (int j = i + 1; j < numbers.Count; j++)
                    yield return (numbers[i], numbers[j]);
        }
    }
}
