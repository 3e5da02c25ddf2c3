namespace FineTune.Samples;

/// <summary>
/// The word pools the two tasks ask about: antonym pairs and nouns with their plurals. Lists, never
/// sets, so every output keeps the same order. No word is in both pools, so an input of one skill
/// is never an input of the other.
/// </summary>
static class Words
{
    /// <summary>75 antonym pairs; every word is in one pair only.</summary>
    public static readonly IReadOnlyList<(string Word, string Opposite)> Opposites =
    [
        ("hot", "cold"), ("big", "small"), ("up", "down"), ("happy", "sad"), ("fast", "slow"),
        ("old", "young"), ("day", "night"), ("open", "closed"), ("wet", "dry"), ("light", "dark"),
        ("high", "low"), ("full", "empty"), ("hard", "soft"), ("long", "short"), ("left", "right"),
        ("in", "out"), ("black", "white"), ("good", "bad"), ("rich", "poor"), ("early", "late"),
        ("loud", "quiet"), ("clean", "dirty"), ("thick", "thin"), ("strong", "weak"), ("push", "pull"),
        ("win", "lose"), ("first", "last"), ("near", "far"), ("true", "false"), ("yes", "no"),
        ("boy", "girl"), ("king", "queen"), ("top", "bottom"), ("front", "back"), ("inside", "outside"),
        ("above", "below"), ("before", "after"), ("buy", "sell"), ("give", "take"), ("come", "go"),
        ("start", "stop"), ("begin", "end"), ("laugh", "cry"), ("sweet", "sour"), ("sharp", "dull"),
        ("smooth", "rough"), ("wide", "narrow"), ("deep", "shallow"), ("brave", "scared"), ("awake", "asleep"),
        ("cheap", "expensive"), ("easy", "difficult"), ("safe", "dangerous"), ("friend", "enemy"), ("question", "answer"),
        ("north", "south"), ("east", "west"), ("summer", "winter"), ("arrive", "leave"), ("remember", "forget"),
        ("catch", "throw"), ("always", "never"), ("many", "few"), ("more", "less"), ("over", "under"),
        ("float", "sink"), ("morning", "evening"), ("polite", "rude"), ("tidy", "messy"), ("wild", "tame"),
        ("sick", "healthy"), ("hello", "goodbye"), ("teach", "learn"), ("man", "woman"), ("father", "mother"),
    ];

    /// <summary>205 nouns and their plurals: -s, -es, -ies, -ves and irregular forms.</summary>
    public static readonly IReadOnlyList<(string One, string Many)> Plurals = BuildPlurals();

    /// <summary>The plural of <paramref name="noun"/>: from the pool when it is there, else with -s.</summary>
    public static string PluralOf(string noun)
    {
        foreach (var (one, many) in Plurals)
            if (one == noun) return many;
        return noun + "s";
    }

    static List<(string, string)> BuildPlurals()
    {
        string[] regular =
        [
            "cat", "dog", "bird", "cow", "pig", "hen", "duck", "frog", "ant", "bee",
            "bear", "lion", "tiger", "horse", "goat", "rabbit", "snake", "owl", "whale", "shark",
            "seal", "crab", "snail", "worm", "apple", "pear", "banana", "grape", "lemon", "orange",
            "plum", "cake", "cookie", "egg", "carrot", "onion", "bean", "nut", "pie", "ball",
            "book", "bag", "bed", "bell", "boat", "bottle", "bowl", "bucket", "button", "candle",
            "car", "card", "chair", "clock", "coat", "coin", "cup", "desk", "door", "drum",
            "flag", "flower", "fork", "game", "gate", "hat", "hill", "hook", "horn", "house",
            "kite", "lamp", "map", "mat", "nest", "pen", "pencil", "plate", "pot", "ring",
            "road", "rock", "rope", "sock", "spoon", "star", "stone", "table", "tent", "toy",
            "train", "tree", "cloud", "river", "lake", "park", "farm", "shop", "school", "garden",
            "window", "wall", "shoe", "shirt", "key", "tray", "monkey", "donkey", "turkey", "hand",
            "ear", "eye", "nose", "finger", "bone", "tail", "wing", "feather", "ship", "plane",
            "truck", "wheel", "bike", "rocket", "robot", "doll", "block", "puzzle", "seed", "bug",
            "spider", "camel", "zebra", "panda", "parrot", "eagle", "chicken", "kitten", "basket", "blanket",
        ];
        string[] es =
        [
            "fox", "box", "bus", "dish", "brush", "church", "watch", "glass", "dress", "peach",
            "bench", "beach", "match", "torch", "lunch", "wish", "class", "tomato", "potato", "hero",
            "branch", "bush", "sandwich", "lunchbox",
        ];
        string[] ies =
        [
            "baby", "city", "lady", "berry", "cherry", "puppy", "story", "party", "pony", "bunny",
            "family", "fly", "country", "penny", "daisy", "butterfly", "strawberry", "candy", "hobby", "diary",
        ];
        (string, string)[] ves =
        [
            ("leaf", "leaves"), ("wolf", "wolves"), ("knife", "knives"), ("loaf", "loaves"), ("shelf", "shelves"),
            ("calf", "calves"), ("scarf", "scarves"), ("half", "halves"), ("thief", "thieves"), ("elf", "elves"),
        ];
        (string, string)[] irregular =
        [
            ("mouse", "mice"), ("child", "children"), ("foot", "feet"), ("tooth", "teeth"), ("goose", "geese"),
            ("person", "people"), ("ox", "oxen"), ("sheep", "sheep"), ("fish", "fish"), ("deer", "deer"),
            ("cactus", "cacti"),
        ];
        var all = new List<(string, string)>();
        all.AddRange(regular.Select(w => (w, w + "s")));
        all.AddRange(es.Select(w => (w, w + "es")));
        all.AddRange(ies.Select(w => (w, w[..^1] + "ies")));
        all.AddRange(ves);
        all.AddRange(irregular);
        return all;
    }
}
