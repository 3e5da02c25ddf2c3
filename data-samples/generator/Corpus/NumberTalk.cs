namespace FineTune.Samples;

/// <summary>
/// Counting, "what comes next", comparisons and small sums, in digits and in words. Comparisons
/// only ever use pairs that are not held out of the "larger" task.
/// </summary>
sealed class NumberTalk(TaskSplit split)
{
    public string Write(Random rng) => rng.Next(5) switch
    {
        0 => Counting(rng),
        1 => NextNumbers(rng),
        2 => Comparisons(rng),
        3 => Sums(rng),
        _ => string.Join(" ", Enumerable.Range(0, rng.Next(4, 8)).Select(_ => rng.Next(3) switch
        {
            0 => NextNumber(rng, rng.Next(1, TaskSplit.MaxCounted + 1)),
            1 => Comparison(rng),
            _ => Sum(rng),
        })),
    };

    static string Counting(Random rng)
    {
        int start = rng.Next(1, TaskSplit.MaxCounted + 1);
        int end = Math.Min(start + rng.Next(3, 13), TaskSplit.MaxCounted + 1);
        bool inWords = rng.Chance(0.25) && end <= 100;
        string Say(int n) => inWords ? NumberWords.Of(n) : $"{n}";
        string run = string.Join(", ", Enumerable.Range(start, end - start + 1).Select(Say));
        return rng.Next(4) switch
        {
            0 => $"Let's count from {Say(start)} to {Say(end)}. {Text.Capitalise(run)}.",
            1 => $"Count with me: {run}.",
            2 => $"{Text.Capitalise(run)}. Counting is easy when you know what comes next.",
            _ => $"We counted the steps: {run}. There were {Say(end)} steps in all.",
        };
    }

    static string NextNumbers(Random rng)
    {
        int n = rng.Next(1, TaskSplit.MaxCounted - 4);
        return string.Join(" ", Enumerable.Range(n, rng.Next(3, 6)).Select(k => NextNumber(rng, k)));
    }

    static string NextNumber(Random rng, int n) => rng.Next(5) switch
    {
        0 => $"After {n} comes {n + 1}.",
        1 => $"The number after {n} is {n + 1}.",
        2 => $"{n + 1} comes right after {n}.",
        3 => $"Before {n + 1} comes {n}.",
        _ => $"When you count, {n + 1} is the next number after {n}.",
    };

    string Comparisons(Random rng)
    {
        string intro = rng.Pick(new[] { "Some numbers are bigger than others.", "Let's compare numbers.", "Which one is bigger? Let's see.", "" });
        var lines = Enumerable.Range(0, rng.Next(4, 9)).Select(_ => Comparison(rng));
        return string.Join(" ", lines.Prepend(intro).Where(s => s.Length > 0));
    }

    string Comparison(Random rng)
    {
        bool small = rng.Chance(0.25);
        var (a, b) = split.PickFreePair(rng, small ? 20 : TaskSplit.MaxCompared);
        int x = Math.Max(a, b), y = Math.Min(a, b);
        string Say(int n) => small ? NumberWords.Of(n) : $"{n}";
        string Start(int n) => small ? NumberWords.Capitalised(n) : $"{n}";
        return rng.Next(10) switch
        {
            0 or 1 => $"{Start(x)} is larger than {Say(y)}.",
            2 => $"{Start(y)} is smaller than {Say(x)}.",
            3 => $"{Start(x)} is bigger than {Say(y)}.",
            4 => $"{Start(x)} is more than {Say(y)}.",
            5 => $"{Start(y)} is less than {Say(x)}.",
            6 => $"{Start(x)} is greater than {Say(y)}.",
            7 => $"Between {Say(a)} and {Say(b)}, the larger number is {Say(x)}.",
            8 => $"{Start(a)} or {Say(b)}? The bigger one is {Say(x)}.",
            _ => $"If you have {Say(x)} apples and I have {Say(y)}, you have more apples than me.",
        };
    }

    static string Sums(Random rng) => string.Join(" ", Enumerable.Range(0, rng.Next(4, 8)).Select(_ => Sum(rng)));

    static string Sum(Random rng)
    {
        int a = rng.Next(1, 11), b = rng.Next(1, 11), c = a + b;
        return rng.Next(4) switch
        {
            0 => $"{NumberWords.Capitalised(a)} plus {NumberWords.Of(b)} is {NumberWords.Of(c)}.",
            1 => $"{NumberWords.Capitalised(a)} and {NumberWords.Of(b)} make {NumberWords.Of(c)}.",
            2 => $"{NumberWords.Capitalised(c)} take away {NumberWords.Of(b)} is {NumberWords.Of(a)}.",
            _ => $"{NumberWords.Capitalised(c)} minus {NumberWords.Of(a)} is {NumberWords.Of(b)}.",
        };
    }
}
