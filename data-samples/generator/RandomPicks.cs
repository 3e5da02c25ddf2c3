namespace FineTune.Samples;

/// <summary>Choices drawn from a seeded <see cref="Random"/>; the same seed gives the same choices.</summary>
static class RandomPicks
{
    /// <summary>One item of <paramref name="items"/>, uniformly.</summary>
    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    /// <summary>A shuffled copy of <paramref name="items"/>.</summary>
    public static List<T> Shuffled<T>(this Random rng, IEnumerable<T> items)
    {
        T[] copy = items.ToArray();
        rng.Shuffle(copy);
        return [.. copy];
    }

    /// <summary><paramref name="count"/> different items of <paramref name="items"/>, in random order.</summary>
    public static List<T> PickDistinct<T>(this Random rng, IReadOnlyList<T> items, int count) =>
        rng.Shuffled(items).Take(count).ToList();

    /// <summary>An index into <paramref name="weights"/>, drawn in proportion to the weights.</summary>
    public static int PickWeighted(this Random rng, IReadOnlyList<double> weights)
    {
        double r = rng.NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Count; i++)
        {
            r -= weights[i];
            if (r < 0) return i;
        }
        return weights.Count - 1;
    }
}
