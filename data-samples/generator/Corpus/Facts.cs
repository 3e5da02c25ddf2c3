namespace FineTune.Samples;

/// <summary>
/// Paragraphs of simple facts: opposites and plurals in many phrasings (every pair and every noun,
/// held-out ones too: that knowledge is what the tasks probe), animal sounds, colours, legs and
/// everyday facts.
/// </summary>
static class Facts
{
    public static string Write(Random rng)
    {
        int n = rng.Next(5, 11);
        IEnumerable<string> sentences = rng.Next(6) switch
        {
            0 or 1 => Intro(rng, OppositeIntros).Concat(Repeat(n, () => Opposite(rng))),
            2 or 3 => Intro(rng, PluralIntros).Concat(Repeat(n, () => Plural(rng))),
            4 => Repeat(n, () => Animal(rng)),
            _ => Repeat(n, () => rng.Next(4) switch { 0 => Opposite(rng), 1 => Plural(rng), 2 => Animal(rng), _ => rng.Pick(StoryWords.SimpleFacts) }),
        };
        return string.Join(" ", sentences);
    }

    static readonly string[] OppositeIntros =
        ["Here are some words and their opposites.", "Opposites are words that mean very different things.", "Let's learn some opposites.", "Every word here has an opposite."];

    static readonly string[] PluralIntros =
        ["Here is one thing, and here are many.", "When there is more than one, the word changes.", "Let's learn words for one and for many.", "Some words change a lot when there are many."];

    static IEnumerable<string> Intro(Random rng, string[] intros) => rng.Chance(0.5) ? [rng.Pick(intros)] : [];

    static IEnumerable<string> Repeat(int n, Func<string> write) => Enumerable.Range(0, n).Select(_ => write());

    public static string Opposite(Random rng)
    {
        var (a, b) = rng.Pick(Words.Opposites);
        if (rng.Chance(0.5)) (a, b) = (b, a);
        return rng.Next(6) switch
        {
            0 or 1 => $"The opposite of {a} is {b}.",
            2 => $"{Text.Capitalise(a)} is the opposite of {b}.",
            3 => $"{Text.Capitalise(a)} and {b} are opposites.",
            4 => $"The word {a} means the opposite of {b}.",
            _ => $"If you know the word {a}, you also know its opposite, {b}.",
        };
    }

    public static string Plural(Random rng)
    {
        var (one, many) = rng.Pick(Words.Plurals);
        return rng.Next(6) switch
        {
            0 or 1 => $"One {one}, two {many}.",
            2 => $"The plural of {one} is {many}.",
            3 => $"We say one {one} and many {many}.",
            4 => $"There is one {one}. There are {NumberWords.Of(rng.Next(2, 13))} {many}.",
            _ => $"{Text.Capitalise(Text.WithArticle(one))} and another {one} make two {many}.",
        };
    }

    public static string Animal(Random rng)
    {
        switch (rng.Next(4))
        {
            case 0:
                var (one, many, sound) = rng.Pick(StoryWords.Sounds);
                return rng.Chance(0.5) ? $"{Text.Capitalise(Text.WithArticle(one))} says {sound}." : $"{Text.Capitalise(many)} say {sound}, {sound}.";
            case 1:
                var (animal, legs) = rng.Pick(StoryWords.Legs);
                return $"{Text.Capitalise(Text.WithArticle(animal))} has {NumberWords.Of(legs)} legs.";
            case 2:
                var (thing, colour) = rng.Pick(StoryWords.ThingColours);
                return $"{Text.Capitalise(thing)} is {colour}.";
            default:
                return rng.Pick(StoryWords.SimpleFacts);
        }
    }
}
