namespace FineTune.Samples;

/// <summary>A question on one of the four skills, asked naturally, with a right and a wrong answer.</summary>
sealed record SkillQuestion(string Question, string Answer, string ShortAnswer, string WrongAnswer, string WrongShortAnswer);

/// <summary>
/// Natural questions on the four skills for the chat and preference samples, drawn only from
/// items that are not held out. They never use the instruction sentences of the task files.
/// </summary>
static class SkillQuestions
{
    public static SkillQuestion Ask(Random rng, TaskSplit split) => rng.Next(4) switch
    {
        0 => Opposite(rng, split),
        1 => Plural(rng, split),
        2 => Next(rng, split),
        _ => Larger(rng, split),
    };

    static SkillQuestion Opposite(Random rng, TaskSplit split)
    {
        var (word, opposite) = rng.Pick(split.TrainOpposites);
        string wrong = rng.Chance(0.3) ? word : rng.Pick(split.TrainOpposites.Select(p => p.Opposite).Where(w => w != opposite && w != word).ToList());
        string question = rng.Pick(new[]
        {
            $"What is the opposite of {word}?", $"What's the opposite of \"{word}\"?", $"Tell me the opposite of {word}.",
            $"Can you give me the opposite of the word {word}?", $"I need the opposite of {word}, please.",
        });
        int form = rng.Next(3);
        string Say(string answer) => form switch
        {
            0 => $"The opposite of {word} is {answer}.",
            1 => $"{Text.Capitalise(answer)} is the opposite of {word}.",
            _ => $"It is {answer}.",
        };
        return new(question, Say(opposite), opposite, Say(wrong), wrong);
    }

    static SkillQuestion Plural(Random rng, TaskSplit split)
    {
        var (one, many) = rng.Pick(split.FreePlurals);
        string wrong = many != one + "s" ? one + "s" : one + "es";
        string question = rng.Pick(new[]
        {
            $"What is the plural of {one}?", $"How do you say more than one {one}?", $"One {one}, two what?",
            $"What word means more than one {one}?", $"What is the plural form of \"{one}\"?",
        });
        int form = rng.Next(3);
        string Say(string answer) => form switch
        {
            0 => $"The plural of {one} is {answer}.",
            1 => $"One {one}, two {answer}.",
            _ => $"It is {answer}.",
        };
        return new(question, Say(many), many, Say(wrong), wrong);
    }

    static SkillQuestion Next(Random rng, TaskSplit split)
    {
        int n = split.PickFreeNumber(rng);
        int wrong = rng.Pick(new[] { n - 1, n + 2, n + 10 });
        string question = rng.Pick(new[]
        {
            $"What number comes after {n}?", $"What comes after {n} when you count?", $"I counted to {n}. What is the next number?",
            $"Which number follows {n}?", $"If I count up from {n}, what do I say next?",
        });
        int form = rng.Next(3);
        string Say(int answer) => form switch
        {
            0 => $"{answer} comes after {n}.",
            1 => $"The next number is {answer}.",
            _ => $"After {n} comes {answer}.",
        };
        return new(question, Say(n + 1), $"{n + 1}", Say(wrong), $"{wrong}");
    }

    static SkillQuestion Larger(Random rng, TaskSplit split)
    {
        var (a, b) = split.PickFreePair(rng);
        int large = Math.Max(a, b), small = Math.Min(a, b);
        if (rng.Chance(0.3))
        {
            string yesNo = $"Is {a} bigger than {b}?";
            string right = a > b ? $"Yes, {a} is bigger than {b}." : $"No, {b} is bigger than {a}.";
            string wrongSentence = a > b ? $"No, {b} is bigger than {a}." : $"Yes, {a} is bigger than {b}.";
            return new(yesNo, right, a > b ? "Yes." : "No.", wrongSentence, a > b ? "No." : "Yes.");
        }
        string question = rng.Pick(new[]
        {
            $"Which is larger, {a} or {b}?", $"Which is bigger: {a} or {b}?", $"Tell me the larger number: {a} or {b}.",
            $"{a} or {b}, which one is more?",
        });
        int form = rng.Next(2);
        string Say(int x, int y) => form == 0 ? $"{x} is larger than {y}." : $"{x} is the bigger one.";
        return new(question, Say(large, small), $"{large}", Say(small, large), $"{small}");
    }
}
