namespace FineTune.Kernel.Data;

/// <summary>How a duplicate row matches the row it repeats.</summary>
public enum DuplicateKind
{
    /// <summary>Every field equal.</summary>
    Exact,

    /// <summary>Equal after <see cref="TextNormalizer"/> (case, punctuation, spacing), but not exactly.</summary>
    Normalized,

    /// <summary>Similar text: Jaccard similarity of character 5-gram shingles at or above the threshold.</summary>
    Near,
}

/// <summary>A row that repeats an earlier one.</summary>
/// <param name="Position">The repeating row's position.</param>
/// <param name="Of">The position of the first row it repeats.</param>
/// <param name="Kind">How it matches.</param>
/// <param name="Similarity">For near-duplicates, the Jaccard similarity to <paramref name="Of"/>; 1 otherwise.</param>
public sealed record DuplicateRow(int Position, int Of, DuplicateKind Kind, double Similarity = 1);

/// <summary>Rows that are all copies or near copies of one another; the first is the one kept by <see cref="Dataset.Dedupe"/>.</summary>
/// <param name="Kind">How the rows match.</param>
/// <param name="Positions">The rows' positions, in dataset order.</param>
public sealed record DuplicateCluster(DuplicateKind Kind, IReadOnlyList<int> Positions)
{
    /// <summary>Rows beyond the first.</summary>
    public int Extra => Positions.Count - 1;
}

/// <summary>
/// Finds exact and normalised duplicates in one pass over the rows in order (a row is an exact
/// duplicate when an earlier row has the same fields; else a normalised duplicate when an earlier row
/// has the same normalised fields), then near-duplicates among the remaining rows.
/// </summary>
sealed class DuplicateScan
{
    /// <summary>Scans <paramref name="rows"/>; near-duplicates only when <paramref name="nearThreshold"/> is given.</summary>
    public DuplicateScan(IReadOnlyList<DataRow> rows, FormatSchema schema, double? nearThreshold)
    {
        var exactKeys = new Dictionary<string, int>();
        var normalizedKeys = new Dictionary<string, int>();
        var unique = new List<int>();
        for (int i = 0; i < rows.Count; i++)
        {
            var fields = schema.Fields.Select(f => rows[i][f.Name]).ToArray();
            string exact = string.Join('\u001f', fields);
            string normalized = string.Join('\u001f', fields.Select(TextNormalizer.Normalize));
            if (exactKeys.TryGetValue(exact, out int first)) Add(Exact, i, new DuplicateRow(rows[i].Position, rows[first].Position, DuplicateKind.Exact));
            else if (normalizedKeys.TryGetValue(normalized, out first)) Add(Normalized, i, new DuplicateRow(rows[i].Position, rows[first].Position, DuplicateKind.Normalized));
            else unique.Add(i);
            exactKeys.TryAdd(exact, i);
            normalizedKeys.TryAdd(normalized, i);
        }
        if (nearThreshold is not { } threshold) return;
        var texts = unique.Select(i => TextNormalizer.Normalize(ExampleText.Whole(rows[i], schema))).ToList();
        foreach (var cluster in NearDuplicates.Find(texts, threshold))
        {
            int keep = rows[unique[cluster.Members[0]]].Position;
            foreach (int m in cluster.Members.Skip(1))
                Add(Near, unique[m], new DuplicateRow(rows[unique[m]].Position, keep, DuplicateKind.Near, cluster.Similarity[m]));
            NearClusters.Add(new DuplicateCluster(DuplicateKind.Near, cluster.Members.Select(m => rows[unique[m]].Position).ToList()));
        }
    }

    readonly Dictionary<DuplicateKind, List<int>> indices = new() { [DuplicateKind.Exact] = [], [DuplicateKind.Normalized] = [], [DuplicateKind.Near] = [] };

    public List<DuplicateRow> Exact { get; } = [];
    public List<DuplicateRow> Normalized { get; } = [];
    public List<DuplicateRow> Near { get; } = [];
    public List<DuplicateCluster> NearClusters { get; } = [];

    /// <summary>Indices (in the scanned rows) of the duplicates of every kind up to <paramref name="upTo"/>.</summary>
    public HashSet<int> RowIndices(DuplicateKind upTo) => indices.Where(k => k.Key <= upTo).SelectMany(k => k.Value).ToHashSet();

    void Add(List<DuplicateRow> list, int index, DuplicateRow duplicate)
    {
        list.Add(duplicate);
        indices[duplicate.Kind].Add(index);
    }

    /// <summary>Clusters of exact and normalised duplicates, each with the row they repeat first.</summary>
    public IEnumerable<DuplicateCluster> CopyClusters(DuplicateKind kind) =>
        (kind == DuplicateKind.Exact ? Exact : Normalized).GroupBy(d => d.Of)
            .Select(g => new DuplicateCluster(kind, [g.Key, .. g.Select(d => d.Position)]));
}
