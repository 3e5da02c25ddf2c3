namespace FineTune.Samples;

/// <summary>
/// Which items of each skill are held out for the test files and which the train files may use.
/// Held-out inputs never appear as train inputs (for opposites, neither word of a held-out pair
/// does); chat, preference and corpus rows only use items that are not held out.
/// </summary>
sealed class TaskSplit
{
    public const int TestPerSkill = 25;
    public const int TrainPerSkill = 100;

    /// <summary>Largest number the "larger" skill compares.</summary>
    public const int MaxCompared = 99;

    /// <summary>Largest input of the "next number" skill.</summary>
    public const int MaxCounted = 199;

    readonly HashSet<(int, int)> heldOutPairs;
    readonly HashSet<int> heldOutNumbers;

    TaskSplit(Random rng)
    {
        List<(string Word, string Opposite)> pairs = rng.Shuffled(Words.Opposites);
        TestOpposites = pairs.Take(TestPerSkill).Select(p => rng.Chance(0.5) ? p : (p.Opposite, p.Word)).ToList();
        TrainOpposites = pairs.Skip(TestPerSkill).SelectMany(p => new[] { p, (p.Opposite, p.Word) }).ToList();

        List<(string One, string Many)> nouns = rng.Shuffled(Words.Plurals);
        TestPlurals = nouns.Take(TestPerSkill).ToList();
        TrainPlurals = nouns.Skip(TestPerSkill).Take(TrainPerSkill).ToList();
        FreePlurals = nouns.Skip(TestPerSkill).ToList();

        List<int> numbers = rng.Shuffled(Enumerable.Range(1, MaxCounted));
        TestNumbers = numbers.Take(TestPerSkill).ToList();
        TrainNumbers = numbers.Skip(TestPerSkill).Take(TrainPerSkill).ToList();

        var unordered = new List<(int Small, int Large)>();
        var seen = new HashSet<(int, int)>();
        while (unordered.Count < TestPerSkill + TrainPerSkill)
        {
            int a = rng.Next(1, MaxCompared + 1), b = rng.Next(1, MaxCompared + 1);
            if (a != b && seen.Add((Math.Min(a, b), Math.Max(a, b)))) unordered.Add((Math.Min(a, b), Math.Max(a, b)));
        }
        List<(int First, int Second)> ordered = unordered.Select(p => rng.Chance(0.5) ? (p.Small, p.Large) : (p.Large, p.Small)).ToList();
        TestPairs = ordered.Take(TestPerSkill).ToList();
        TrainPairs = ordered.Skip(TestPerSkill).ToList();

        heldOutPairs = unordered.Take(TestPerSkill).ToHashSet();
        heldOutNumbers = TestNumbers.ToHashSet();
    }

    /// <summary>Held-out opposites, as (input, output): 25 pairs, one direction each.</summary>
    public IReadOnlyList<(string Word, string Opposite)> TestOpposites { get; }

    /// <summary>The other 50 pairs in both directions: 100 (input, output) items.</summary>
    public IReadOnlyList<(string Word, string Opposite)> TrainOpposites { get; }

    public IReadOnlyList<(string One, string Many)> TestPlurals { get; }
    public IReadOnlyList<(string One, string Many)> TrainPlurals { get; }

    /// <summary>Every noun that is not held out: the train nouns and the ones no task file uses.</summary>
    public IReadOnlyList<(string One, string Many)> FreePlurals { get; }

    public IReadOnlyList<int> TestNumbers { get; }
    public IReadOnlyList<int> TrainNumbers { get; }

    /// <summary>Held-out "larger" pairs, in the order the input shows them.</summary>
    public IReadOnlyList<(int First, int Second)> TestPairs { get; }
    public IReadOnlyList<(int First, int Second)> TrainPairs { get; }

    /// <summary>The split every sample file uses.</summary>
    public static TaskSplit Create() => new(new Random(Seeds.Split));

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/>, in either order, are a held-out "larger" pair.</summary>
    public bool IsHeldOutPair(int a, int b) => heldOutPairs.Contains((Math.Min(a, b), Math.Max(a, b)));

    public bool IsHeldOutNumber(int n) => heldOutNumbers.Contains(n);

    /// <summary>Two different numbers from 1 to <paramref name="max"/> that are not a held-out pair, in random order.</summary>
    public (int First, int Second) PickFreePair(Random rng, int max = MaxCompared)
    {
        while (true)
        {
            int a = rng.Next(1, max + 1), b = rng.Next(1, max + 1);
            if (a != b && !IsHeldOutPair(a, b)) return (a, b);
        }
    }

    /// <summary>A number from 1 to 199 that is not a held-out "next number" input.</summary>
    public int PickFreeNumber(Random rng)
    {
        while (true)
        {
            int n = rng.Next(1, MaxCounted + 1);
            if (!IsHeldOutNumber(n)) return n;
        }
    }
}
