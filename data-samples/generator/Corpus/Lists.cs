namespace FineTune.Samples;

/// <summary>Short word lists, one "Title: a, b and c." a line: animals, food, opposites, plurals, numbers, colours.</summary>
static class Lists
{
    static readonly (string Title, string[] Items)[] Things =
    [
        ("Things that are hot", ["fire", "the sun", "soup", "tea", "an oven"]),
        ("Things that are cold", ["ice", "snow", "winter", "ice cream", "a freezer"]),
        ("Things that are soft", ["a pillow", "a kitten", "a blanket", "a scarf"]),
        ("Things that are hard", ["a rock", "a table", "a shell", "a nut"]),
        ("Things that are wet", ["rain", "the sea", "a puddle", "a bath"]),
        ("Things that are sweet", ["cake", "honey", "candy", "jam"]),
        ("Fruit", ["apples", "pears", "plums", "grapes", "peaches", "bananas"]),
        ("Days of the week", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    ];

    public static string Write(Random rng)
    {
        var lines = new List<string>();
        for (int i = rng.Next(2, 6); i > 0; i--) lines.Add(Line(rng));
        return string.Join("\n", lines);
    }

    static string Line(Random rng)
    {
        switch (rng.Next(8))
        {
            case 0: return $"Animals: {Text.JoinAnd(rng.PickDistinct(ClassificationTexts.AnimalNames, rng.Next(3, 7)))}.";
            case 1: return $"Food: {Text.JoinAnd(rng.PickDistinct(ClassificationTexts.Foods, rng.Next(3, 6)))}.";
            case 2: return $"Weather: {Text.JoinAnd(rng.PickDistinct(ClassificationTexts.WeatherWords, rng.Next(3, 6)))}.";
            case 3: return $"Sports: {Text.JoinAnd(rng.PickDistinct(ClassificationTexts.SportNames, rng.Next(3, 6)))}.";
            case 4: return $"Opposites: {string.Join(", ", rng.PickDistinct(Words.Opposites, rng.Next(4, 8)).Select(p => $"{p.Word} and {p.Opposite}"))}.";
            case 5: return $"One and many: {string.Join(", ", rng.PickDistinct(Words.Plurals, rng.Next(4, 8)).Select(p => $"{p.One} and {p.Many}"))}.";
            case 6:
                int start = rng.Next(1, TaskSplit.MaxCounted - 10);
                int end = start + rng.Next(4, 11);
                return $"Numbers from {start} to {end}: {string.Join(", ", Enumerable.Range(start, end - start + 1))}.";
            default:
                var (title, items) = rng.Pick(Things);
                return $"{title}: {Text.JoinAnd(title == "Days of the week" ? items : rng.PickDistinct(items, rng.Next(3, items.Length + 1)))}.";
        }
    }
}
