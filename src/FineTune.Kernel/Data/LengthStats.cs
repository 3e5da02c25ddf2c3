namespace FineTune.Kernel.Data;

/// <summary>Minimum, mean, percentiles and maximum of a set of lengths (percentiles interpolate linearly, as numpy's default does).</summary>
public sealed record LengthStats
{
    /// <summary>The smallest value.</summary>
    public double Min { get; init; }

    /// <summary>The mean.</summary>
    public double Mean { get; init; }

    /// <summary>The 5th percentile.</summary>
    public double P5 { get; init; }

    /// <summary>The median.</summary>
    public double P50 { get; init; }

    /// <summary>The 95th percentile.</summary>
    public double P95 { get; init; }

    /// <summary>The largest value.</summary>
    public double Max { get; init; }

    /// <summary>The statistics of <paramref name="values"/> (all zero when there are none).</summary>
    public static LengthStats Of(IEnumerable<int> values)
    {
        var sorted = values.Select(v => (double)v).Order().ToArray();
        if (sorted.Length == 0) return new LengthStats();
        return new LengthStats
        {
            Min = sorted[0], Mean = sorted.Average(), P5 = Percentile(sorted, 0.05), P50 = Percentile(sorted, 0.50),
            P95 = Percentile(sorted, 0.95), Max = sorted[^1],
        };
    }

    static double Percentile(double[] sorted, double q)
    {
        double rank = q * (sorted.Length - 1);
        int low = (int)Math.Floor(rank), high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    /// <summary>"min 3, mean 41.2, p50 38, p95 80, max 112".</summary>
    public override string ToString() => FormattableString.Invariant($"min {Min:0.#}, mean {Mean:0.#}, p50 {P50:0.#}, p95 {P95:0.#}, max {Max:0.#}");
}
