using FineTune.Kernel.Text;

namespace FineTune.Kernel.Data;

public sealed partial class Dataset
{
    /// <summary>The rows for which <paramref name="keep"/> is true; <paramref name="description"/> names the filter in the report.</summary>
    public Dataset Filter(Func<DataRow, bool> keep, string description = "predicate")
    {
        var kept = Rows.Where(keep).ToList();
        return With(kept, new TransformReport($"filter ({description})", Count, kept.Count, $"removed {Count - kept.Count}"));
    }

    /// <summary>
    /// The rows whose example length is within [<paramref name="min"/>, <paramref name="max"/>]: in tokens
    /// when a <paramref name="tokenizer"/> (model folder or preset) is given, else in characters.
    /// </summary>
    public Dataset FilterByLength(int? min = null, int? max = null, string? tokenizer = null)
    {
        Func<string, int> length = tokenizer is null ? text => text.Length : TextTokenizer.Load(tokenizer).CountTokens;
        string unit = tokenizer is null ? "characters" : $"tokens ({tokenizer})";
        var kept = Rows.Where(r => length(ExampleText.Whole(r, Schema)) is var n && n >= (min ?? 0) && n <= (max ?? int.MaxValue)).ToList();
        return With(kept, new TransformReport($"filter by length ({min?.ToString() ?? "0"} to {max?.ToString() ?? "any"} {unit})", Count, kept.Count,
            $"removed {Count - kept.Count}"));
    }

    /// <summary>The rows whose required text fields (and chat turns) are all non-empty.</summary>
    public Dataset DropEmpty()
    {
        var required = Schema.RequiredFields.Select(f => f.Name).ToList();
        var kept = Rows.Where(r => required.All(f => !string.IsNullOrWhiteSpace(r[f]) && r[f] != "[]")).ToList();
        return With(kept, new TransformReport($"drop empty ({string.Join(", ", required)})", Count, kept.Count, $"removed {Count - kept.Count}"));
    }

    /// <summary>
    /// The dataset without duplicates, keeping the first row of each group: <see cref="DuplicateKind.Exact"/>
    /// removes exact copies, <see cref="DuplicateKind.Normalized"/> also those equal once normalised, and
    /// <see cref="DuplicateKind.Near"/> (the default) also near-duplicates at <paramref name="threshold"/>.
    /// </summary>
    public Dataset Dedupe(DuplicateKind upTo = DuplicateKind.Near, double threshold = 0.8)
    {
        var scan = new DuplicateScan(Rows, Schema, upTo == DuplicateKind.Near ? threshold : null);
        var removed = scan.Exact.Concat(upTo >= DuplicateKind.Normalized ? scan.Normalized : [])
            .Concat(upTo >= DuplicateKind.Near ? scan.Near : []).ToList();
        var drop = scan.RowIndices(upTo);
        var kept = Rows.Where((_, i) => !drop.Contains(i)).ToList();
        string operation = upTo switch { DuplicateKind.Exact => "dedupe (exact)", DuplicateKind.Normalized => "dedupe (normalised)", _ => $"dedupe (near, Jaccard >= {threshold:0.##})" };
        string detail = $"removed {removed.Count(d => d.Kind == DuplicateKind.Exact)} exact" +
                        (upTo >= DuplicateKind.Normalized ? $", {removed.Count(d => d.Kind == DuplicateKind.Normalized)} normalised" : "") +
                        (upTo >= DuplicateKind.Near ? $", {removed.Count(d => d.Kind == DuplicateKind.Near)} near" : "") + " duplicates";
        return With(kept, new TransformReport(operation, Count, kept.Count, detail));
    }

    /// <summary>Every text field with e-mails, card numbers, IP addresses and phone numbers replaced by [EMAIL], [CARD_NUMBER], [IP_ADDRESS], [PHONE].</summary>
    public Dataset ScrubPrivateInfo()
    {
        var counts = Enum.GetValues<PrivateInfoKind>().ToDictionary(k => k, _ => 0);
        int changedRows = 0;
        var rows = Rows.Select(row =>
        {
            var hits = ExampleText.Fields(row, Schema).Select(f => (f.Field, Hits: PrivateInfo.Find(f.Text))).Where(f => f.Hits.Count > 0).ToList();
            if (hits.Count == 0) return row;
            changedRows++;
            foreach (var hit in hits.SelectMany(h => h.Hits)) counts[hit.Kind]++;
            return row.With(fields => FieldPaths.Update(fields, hits.Select(h => h.Field), PrivateInfo.Mask));
        }).ToList();
        string kinds = string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {PrivateInfo.Placeholder(c.Key)}"));
        return With(rows, new TransformReport("scrub private information", Count, rows.Count,
            changedRows == 0 ? "nothing found" : $"masked {counts.Values.Sum()} hits in {changedRows} rows ({kinds})"));
    }

    /// <summary>
    /// Each example cut to at most <paramref name="maxTokens"/> tokens by shortening its last part (the
    /// text, output, completion, last turn, or both answers of a preference) at a token boundary.
    /// </summary>
    public Dataset TruncateToTokens(string tokenizer, int maxTokens) => TruncateToTokens(TextTokenizer.Load(tokenizer), maxTokens);

    /// <inheritdoc cref="TruncateToTokens(string, int)"/>
    public Dataset TruncateToTokens(TextTokenizer tokenizer, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        var truncation = new Truncation(tokenizer, Schema, maxTokens);
        var rows = Rows.Select(truncation.Apply).ToList();
        return With(rows, new TransformReport($"truncate to {maxTokens} tokens ({tokenizer.Source})", Count, rows.Count,
            $"shortened {truncation.Shortened} rows, removing {truncation.TokensRemoved} tokens" +
            (truncation.StillTooLong > 0 ? $"; {truncation.StillTooLong} rows still too long (their other parts alone exceed the budget)" : "")));
    }

    /// <summary>The same number of rows for every label (labelled text), by <paramref name="mode"/>, with a seeded random choice.</summary>
    public Dataset BalanceLabels(BalanceMode mode = BalanceMode.Downsample, int seed = 0)
    {
        RequireLabels(nameof(BalanceLabels));
        var random = new Random(seed);
        var groups = Rows.GroupBy(r => r["label"]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        int target = mode == BalanceMode.Downsample ? groups.Min(g => g.Count) : groups.Max(g => g.Count);
        var rows = new List<DataRow>();
        foreach (var group in groups)
            rows.AddRange(mode == BalanceMode.Downsample
                ? Shuffled(group, random).Take(target)
                : group.Concat(Enumerable.Range(0, target - group.Count).Select(_ => group[random.Next(group.Count)])));
        var order = Rows.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
        rows = [.. rows.OrderBy(r => order[r])];
        return With(rows, new TransformReport($"balance labels ({mode.ToString().ToLowerInvariant()}, seed {seed})", Count, rows.Count,
            $"{groups.Count} labels x {target} rows"));
    }

    /// <summary>
    /// Seeded train/validation/test splits; for labelled text each label is split in the same proportions
    /// (stratified), unless <paramref name="stratify"/> is false. Each split keeps the dataset's order.
    /// </summary>
    public DatasetSplits Split(double validation = 0.1, double test = 0.1, int seed = 0, bool stratify = true)
    {
        if (validation < 0 || test < 0 || validation + test >= 1)
            throw new ArgumentOutOfRangeException(nameof(validation), "validation and test are fractions with validation + test < 1");
        var random = new Random(seed);
        var strata = stratify && Format == DatasetFormat.LabelledText
            ? Rows.GroupBy(r => r["label"]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList()
            : [Rows.ToList()];
        var parts = new[] { new List<DataRow>(), new List<DataRow>(), new List<DataRow>() };
        foreach (var stratum in strata)
        {
            var shuffled = Shuffled(stratum, random).ToList();
            int nTest = (int)Math.Round(stratum.Count * test), nValidation = (int)Math.Round(stratum.Count * validation);
            parts[2].AddRange(shuffled.Take(nTest));
            parts[1].AddRange(shuffled.Skip(nTest).Take(nValidation));
            parts[0].AddRange(shuffled.Skip(nTest + nValidation));
        }
        var order = Rows.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
        string operation = $"split {1 - validation - test:0.##}/{validation:0.##}/{test:0.##} (seed {seed}{(strata.Count > 1 ? ", stratified by label" : "")})";
        Dataset Part(int i, string name) => With([.. parts[i].OrderBy(r => order[r])],
            new TransformReport(operation, Count, parts[i].Count, $"the {name} split"), $"{Name} ({name})");
        return new DatasetSplits(Part(0, "train"), Part(1, "validation"), Part(2, "test"));
    }

    /// <summary><paramref name="count"/> rows chosen at random (seeded), in the dataset's order.</summary>
    public Dataset Sample(int count, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var chosen = Shuffled(Rows.Select((r, i) => (r, i)).ToList(), new Random(seed)).Take(count).OrderBy(p => p.i).Select(p => p.r).ToList();
        return With(chosen, new TransformReport($"sample {count} (seed {seed})", Count, chosen.Count, $"kept {chosen.Count}"));
    }

    /// <summary>
    /// A plain-text dataset whose <c>text</c> is <paramref name="template"/> filled in from each row:
    /// <c>{field}</c> takes the field's value (<c>{{</c> and <c>}}</c> are literal braces). An unknown field is an error.
    /// </summary>
    public Dataset ToPromptText(string template)
    {
        var prompt = PromptTemplate.Parse(template, Columns);
        var rows = Rows.Select(r => new DataRow(r.Position, new System.Text.Json.Nodes.JsonObject { ["text"] = prompt.Fill(r) })).ToList();
        return With(rows, new TransformReport("map to prompt text", Count, rows.Count, $"filled {prompt.Fields.Count} fields ({string.Join(", ", prompt.Fields)}) into the template"),
            schema: FormatSchema.Of(DatasetFormat.Text));
    }

    void RequireLabels(string operation)
    {
        if (Format != DatasetFormat.LabelledText)
            throw new InvalidOperationException($"{operation} needs labelled text (text, label); {Name} is {FormatName}");
    }

    static IEnumerable<T> Shuffled<T>(IReadOnlyList<T> items, Random random)
    {
        var copy = items.ToArray();
        for (int i = copy.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy;
    }
}
