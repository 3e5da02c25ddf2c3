namespace FineTune.Samples;

/// <summary>One Alpaca row: instruction, input, output.</summary>
sealed record InstructionRow(string Instruction, string Input, string Output);

/// <summary>
/// The instruction task: four skills (opposite, plural, next number, larger), equally mixed,
/// 100 train and 25 held-out rows each. Metric: exact match of the first generated line.
/// </summary>
static class InstructionTasks
{
    public const string Opposite = "Write the opposite of the word.";
    public const string Plural = "Write the plural of the word.";
    public const string Next = "Write the number that comes after this one.";
    public const string Larger = "Which number is larger?";

    /// <summary>The four instruction sentences, which the pretraining corpus never contains.</summary>
    public static readonly IReadOnlyList<string> Instructions = [Opposite, Plural, Next, Larger];

    /// <summary>instructions.jsonl: 400 rows, shuffled.</summary>
    public static List<InstructionRow> Train(TaskSplit split) =>
        Rows(split.TrainOpposites, split.TrainPlurals, split.TrainNumbers, split.TrainPairs, new Random(Seeds.Instructions));

    /// <summary>instructions.test.jsonl: 100 held-out rows, shuffled.</summary>
    public static List<InstructionRow> Test(TaskSplit split) =>
        Rows(split.TestOpposites, split.TestPlurals, split.TestNumbers, split.TestPairs, new Random(Seeds.Instructions + 1000));

    static List<InstructionRow> Rows(
        IEnumerable<(string Word, string Opposite)> opposites, IEnumerable<(string One, string Many)> plurals,
        IEnumerable<int> numbers, IEnumerable<(int First, int Second)> pairs, Random rng)
    {
        var rows = new List<InstructionRow>();
        rows.AddRange(opposites.Select(p => new InstructionRow(Opposite, p.Word, p.Opposite)));
        rows.AddRange(plurals.Select(p => new InstructionRow(Plural, p.One, p.Many)));
        rows.AddRange(numbers.Select(n => new InstructionRow(Next, $"{n}", $"{n + 1}")));
        rows.AddRange(pairs.Select(p => new InstructionRow(Larger, $"{p.First} or {p.Second}", $"{Math.Max(p.First, p.Second)}")));
        return rng.Shuffled(rows);
    }
}
