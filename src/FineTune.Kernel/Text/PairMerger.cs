using System.Runtime.InteropServices;

namespace FineTune.Kernel.Text;

/// <summary>
/// The merge loop of BPE training over counted words, with incremental pair counts (as Hugging Face
/// tokenizers does it): each merge rewrites only the words that hold the pair, and adjusts the counts
/// of the pairs around it, instead of recounting the corpus. The most frequent pair comes from a
/// priority queue whose stale entries are refreshed when they reach the top.
/// </summary>
sealed class PairMerger
{
    readonly int[][] words;                    // each unique word as token ids (merged in place)
    readonly int[] lengths;                    // how many ids of each word are in use
    readonly int[] counts;                     // how often each word occurs
    readonly Dictionary<long, long> pairCounts = [];
    readonly Dictionary<long, HashSet<int>> wordsWith = [];   // pair -> words that hold (or once held) it
    readonly PriorityQueue<long, (long Count, long Pair)> queue = new(MostFrequentFirst.Instance);

    public PairMerger(IReadOnlyList<(int[] Ids, int Count)> countedWords)
    {
        words = countedWords.Select(w => w.Ids).ToArray();
        lengths = words.Select(w => w.Length).ToArray();
        counts = countedWords.Select(w => w.Count).ToArray();
        for (int w = 0; w < words.Length; w++)
            for (int i = 0; i + 1 < lengths[w]; i++)
            {
                long pair = Pair(words[w][i], words[w][i + 1]);
                AddCount(pair, counts[w]);
                Where(pair).Add(w);
            }
        foreach (var (pair, count) in pairCounts) queue.Enqueue(pair, (count, pair));
    }

    /// <summary>
    /// Merges until <paramref name="tokens"/> (the vocabulary so far, by id; new tokens are appended)
    /// has <paramref name="vocabSize"/> entries or no pair occurs <paramref name="minFrequency"/> times.
    /// Returns the merges in order. A merge whose result is already a token reuses its id, as in Hugging
    /// Face; one whose result would spell a special token is skipped.
    /// </summary>
    public List<(string Left, string Right)> Run(List<string> tokens, int vocabSize, int minFrequency, IReadOnlySet<string> specialTokens)
    {
        var merges = new List<(string, string)>();
        var idOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int id = 0; id < tokens.Count; id++)
            if (!specialTokens.Contains(tokens[id])) idOf[tokens[id]] = id;
        var changed = new HashSet<long>();

        while (tokens.Count < vocabSize && queue.TryDequeue(out long pair, out var queued))
        {
            long count = pairCounts.GetValueOrDefault(pair);
            if (count != queued.Count)
            {
                if (count > 0) queue.Enqueue(pair, (count, pair));     // stale: requeue with the current count
                continue;
            }
            if (count < minFrequency) break;

            var (left, right) = Split(pair);
            string merged = tokens[left] + tokens[right];
            if (specialTokens.Contains(merged))
            {
                pairCounts.Remove(pair);
                continue;
            }
            if (!idOf.TryGetValue(merged, out int mergedId))
            {
                mergedId = tokens.Count;
                tokens.Add(merged);
                idOf[merged] = mergedId;
            }
            merges.Add((tokens[left], tokens[right]));

            changed.Clear();
            foreach (int w in wordsWith[pair]) MergeIn(w, left, right, mergedId, changed);
            wordsWith.Remove(pair);
            foreach (long p in changed)
                if (pairCounts.TryGetValue(p, out long c)) queue.Enqueue(p, (c, p));
        }
        return merges;
    }

    /// <summary>
    /// Replaces every (left, right) in word <paramref name="w"/> by <paramref name="merged"/>, left to right.
    /// The word's pairs are uncounted before and counted again after, so overlapping cases
    /// ("a a a") need no special handling; pairs with the new token are collected in <paramref name="changed"/>.
    /// </summary>
    void MergeIn(int w, int left, int right, int merged, HashSet<long> changed)
    {
        var ids = words[w];
        int n = lengths[w], count = counts[w];
        if (!Holds(ids, n, left, right)) return;     // the pair was merged away here by an earlier merge

        for (int i = 0; i + 1 < n; i++) AddCount(Pair(ids[i], ids[i + 1]), -count);
        int length = 0;
        for (int i = 0; i < n;)
        {
            if (i + 1 < n && ids[i] == left && ids[i + 1] == right) { ids[length++] = merged; i += 2; }
            else ids[length++] = ids[i++];
        }
        lengths[w] = length;
        for (int i = 0; i + 1 < length; i++)
        {
            long pair = Pair(ids[i], ids[i + 1]);
            AddCount(pair, count);
            if (ids[i] == merged || ids[i + 1] == merged)
            {
                Where(pair).Add(w);
                changed.Add(pair);
            }
        }
    }

    static bool Holds(int[] ids, int n, int left, int right)
    {
        for (int i = 0; i + 1 < n; i++)
            if (ids[i] == left && ids[i + 1] == right) return true;
        return false;
    }

    void AddCount(long pair, long delta)
    {
        ref long count = ref CollectionsMarshal.GetValueRefOrAddDefault(pairCounts, pair, out _);
        count += delta;
        if (count == 0) pairCounts.Remove(pair);
    }

    HashSet<int> Where(long pair)
    {
        ref var set = ref CollectionsMarshal.GetValueRefOrAddDefault(wordsWith, pair, out _);
        return set ??= [];
    }

    static long Pair(int left, int right) => ((long)left << 32) | (uint)right;

    static (int Left, int Right) Split(long pair) => ((int)(pair >> 32), (int)(pair & 0xFFFFFFFF));

    /// <summary>Higher count first; equal counts: the smaller (left, right) ids first.</summary>
    sealed class MostFrequentFirst : IComparer<(long Count, long Pair)>
    {
        public static readonly MostFrequentFirst Instance = new();

        public int Compare((long Count, long Pair) a, (long Count, long Pair) b) =>
            a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Pair.CompareTo(b.Pair);
    }
}
