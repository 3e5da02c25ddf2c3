namespace FineTune.Samples;

/// <summary>Small dialogues between two children, one "Name: line" a line: word games, counting, weather, food, pets, sport.</summary>
sealed class Dialogues(TaskSplit split)
{
    public string Write(Random rng)
    {
        var a = Character.Pick(rng);
        var b = Character.Pick(rng, not: a.Name);
        List<string> lines = rng.Next(8) switch
        {
            0 => OppositesGame(rng),
            1 => PluralsGame(rng),
            2 => CountingGame(rng),
            3 => BiggerGame(rng),
            4 => Weather(rng),
            5 => Lunch(rng),
            6 => Pets(rng),
            _ => Sport(rng),
        };
        return string.Join("\n", lines.Select((line, i) => $"{(i % 2 == 0 ? a : b).Name}: {line}"));
    }

    static List<string> OppositesGame(Random rng)
    {
        var pairs = rng.PickDistinct(Words.Opposites, 4);
        var lines = new List<string> { $"Let's play the opposites game! I say {pairs[0].Word}." };
        for (int i = 0; i < 3; i++) lines.Add($"{Text.Capitalise(pairs[i].Opposite)}! Now I say {pairs[i + 1].Word}.");
        lines.Add($"{Text.Capitalise(pairs[3].Opposite)}! You are good at this game.");
        return lines;
    }

    static List<string> PluralsGame(Random rng)
    {
        var nouns = rng.PickDistinct(Words.Plurals, 4);
        var lines = new List<string> { $"I say one, you say two. One {nouns[0].One}." };
        for (int i = 0; i < 3; i++) lines.Add($"Two {nouns[i].Many}! One {nouns[i + 1].One}.");
        lines.Add($"Two {nouns[3].Many}! That was fun.");
        return lines;
    }

    static List<string> CountingGame(Random rng)
    {
        int n = rng.Next(1, TaskSplit.MaxCounted - 8);
        var lines = new List<string> { $"Let's count together. {n}." };
        for (int k = n + 1; k < n + rng.Next(4, 9); k++) lines.Add($"{k}.");
        lines.Add("We can count all the way to two hundred!");
        return lines;
    }

    List<string> BiggerGame(Random rng)
    {
        var lines = new List<string>();
        for (int i = 0; i < rng.Next(2, 4); i++)
        {
            var (x, y) = split.PickFreePair(rng);
            lines.Add($"Which is bigger, {x} or {y}?");
            lines.Add($"{Math.Max(x, y)} is bigger than {Math.Min(x, y)}.");
        }
        return lines;
    }

    static List<string> Weather(Random rng) => rng.Next(3) switch
    {
        0 => ["Look outside! It is snowing.", "Yes, the snow is cold and white.", "Let's put on our hats and go out.", "And after that we can drink hot chocolate."],
        1 => ["Is it raining?", "Yes, it is raining hard. Take your umbrella.", "My boots are wet already.", "They will be dry by tomorrow."],
        _ => ["The sun is out today.", "It is hot. Let's play in the shade.", "Can we go to the lake?", "Yes, the water will be cool and nice."],
    };

    static List<string> Lunch(Random rng)
    {
        var foods = rng.PickDistinct(ClassificationTexts.Foods, 2);
        return ["I am hungry. What is for lunch?", $"We have {foods[0]} and {foods[1]}.", $"Yum! I love {foods[0]}.", "Wash your hands first, please."];
    }

    static List<string> Pets(Random rng)
    {
        var (one, _, sound) = rng.Pick(StoryWords.Sounds);
        return [$"Do you have a pet?", $"Yes, I have {Text.WithArticle(one)}.", $"What does your {one} say?", $"It says {sound}!"];
    }

    static List<string> Sport(Random rng)
    {
        string sport = rng.Pick(ClassificationTexts.SportNames);
        return [$"Do you want to play {sport}?", "Yes! But I am not very good.", "That is fine. We can learn together.", "Let's go after school."];
    }
}
