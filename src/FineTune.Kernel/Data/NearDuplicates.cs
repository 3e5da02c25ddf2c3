namespace FineTune.Kernel.Data;

/// <summary>
/// Near-duplicate texts by MinHash with locality-sensitive hashing: each text becomes the set of its
/// character 5-grams (shingles); 128 MinHash values estimate how much two sets overlap; texts whose
/// values agree on a whole band become candidate pairs; every candidate's exact Jaccard similarity
/// |A∩B| / |A∪B| is then computed, so reported pairs are exact (only a pair that never became a
/// candidate can be missed, and the band width is chosen so a pair at the threshold is a candidate
/// with probability above 0.995). Texts shorter than one shingle take no part.
/// </summary>
static class NearDuplicates
{
    public const int ShingleLength = 5;
    const int HashCount = 128;

    /// <summary>A group of similar texts (indices in ascending order) and, per member, its highest similarity to another member.</summary>
    public sealed record Cluster(IReadOnlyList<int> Members, IReadOnlyDictionary<int, double> Similarity);

    public static IReadOnlyList<Cluster> Find(IReadOnlyList<string> texts, double threshold)
    {
        if (threshold is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "a Jaccard similarity in (0, 1]");
        var shingles = texts.Select(Shingles).ToArray();
        var (bands, rows) = BandsFor(threshold);
        var signatures = shingles.Select(s => s.Length == 0 ? null : Signature(s)).ToArray();

        var similar = new Dictionary<(int, int), double>();
        for (int band = 0; band < bands; band++)
        {
            var buckets = new Dictionary<UInt128, List<int>>();
            for (int t = 0; t < texts.Count; t++)
            {
                if (signatures[t] is not { } signature) continue;
                var key = BandKey(signature, band * rows, rows);
                if (!buckets.TryGetValue(key, out var bucket)) buckets[key] = bucket = [];
                bucket.Add(t);
            }
            foreach (var bucket in buckets.Values)
                for (int a = 0; a < bucket.Count; a++)
                    for (int b = a + 1; b < bucket.Count; b++)
                    {
                        var pair = (bucket[a], bucket[b]);
                        if (similar.ContainsKey(pair)) continue;
                        similar[pair] = Jaccard(shingles[pair.Item1], shingles[pair.Item2]);
                    }
        }
        return Clusters(texts.Count, similar.Where(p => p.Value >= threshold).ToList());
    }

    /// <summary>The sorted, distinct 64-bit hashes of a text's character 5-grams.</summary>
    internal static ulong[] Shingles(string text)
    {
        if (text.Length < ShingleLength) return [];
        var hashes = new ulong[text.Length - ShingleLength + 1];
        for (int i = 0; i < hashes.Length; i++) hashes[i] = Fnv1a(text.AsSpan(i, ShingleLength));
        Array.Sort(hashes);
        int distinct = hashes.Length == 0 ? 0 : 1;
        for (int i = 1; i < hashes.Length; i++)
            if (hashes[i] != hashes[distinct - 1]) hashes[distinct++] = hashes[i];
        return hashes[..distinct];
    }

    internal static double Jaccard(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        int union = a.Length + b.Length - common;
        return union == 0 ? 0 : (double)common / union;
    }

    /// <summary>The widest bands (fewest false candidates) that still make a pair at the threshold a candidate with probability ≥ 0.995.</summary>
    static (int Bands, int Rows) BandsFor(double threshold)
    {
        for (int rows = 16; rows > 1; rows--)
        {
            int bands = HashCount / rows;
            if (1 - Math.Pow(1 - Math.Pow(threshold, rows), bands) >= 0.995) return (bands, rows);
        }
        return (HashCount, 1);
    }

    static ulong[] Signature(ulong[] shingles)
    {
        var signature = new ulong[HashCount];
        for (int h = 0; h < HashCount; h++)
        {
            ulong multiplier = Multipliers[h], offset = Offsets[h], min = ulong.MaxValue;
            foreach (ulong shingle in shingles)
            {
                ulong value = shingle * multiplier + offset;
                value ^= value >> 29;
                if (value < min) min = value;
            }
            signature[h] = min;
        }
        return signature;
    }

    static UInt128 BandKey(ulong[] signature, int start, int rows)
    {
        ulong low = 14695981039346656037, high = 1099511628211;
        for (int r = start; r < start + rows; r++)
        {
            low = (low ^ signature[r]) * 1099511628211;
            high = (high ^ (signature[r] >> 32 | signature[r] << 32)) * 14029467366897019727;
        }
        return new UInt128(high, low);
    }

    static ulong Fnv1a(ReadOnlySpan<char> chars)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in chars) hash = (hash ^ c) * 1099511628211;
        return hash;
    }

    static readonly ulong[] Multipliers = Seeded(0x9E3779B97F4A7C15, odd: true);
    static readonly ulong[] Offsets = Seeded(0xD1B54A32D192ED03, odd: false);

    /// <summary>Fixed pseudo-random constants (splitmix64), so the same data always gives the same pairs.</summary>
    static ulong[] Seeded(ulong seed, bool odd)
    {
        var values = new ulong[HashCount];
        for (int i = 0; i < HashCount; i++)
        {
            ulong z = seed += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            values[i] = (z ^ (z >> 31)) | (odd ? 1UL : 0UL);
        }
        return values;
    }

    static IReadOnlyList<Cluster> Clusters(int count, IReadOnlyList<KeyValuePair<(int, int), double>> pairs)
    {
        var parent = Enumerable.Range(0, count).ToArray();
        int Root(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        var best = new Dictionary<int, double>();
        foreach (var ((a, b), similarity) in pairs)
        {
            parent[Math.Max(Root(a), Root(b))] = Math.Min(Root(a), Root(b));
            best[a] = Math.Max(best.GetValueOrDefault(a), similarity);
            best[b] = Math.Max(best.GetValueOrDefault(b), similarity);
        }
        return best.Keys.GroupBy(Root).Select(g => new Cluster(g.Order().ToList(), g.ToDictionary(m => m, m => best[m])))
            .OrderBy(c => c.Members[0]).ToList();
    }
}
