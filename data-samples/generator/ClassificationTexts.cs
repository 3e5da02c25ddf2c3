namespace FineTune.Samples;

/// <summary>One labelled text: a short sentence and its topic.</summary>
sealed record LabelledText(string Text, string Label);

/// <summary>
/// The classification task: one short sentence (6 to 14 words) about animals, food, weather or
/// sports, written from topic sentence shapes with slot words. Each shape uses only words of its
/// own topic (and neutral ones: names, times), so the label is never ambiguous.
/// </summary>
static class ClassificationTexts
{
    public const string Animals = "animals";
    public const string Food = "food";
    public const string Weather = "weather";
    public const string Sports = "sports";

    public static readonly IReadOnlyList<string> Labels = [Animals, Food, Weather, Sports];

    public const int MinWords = 6;
    public const int MaxWords = 14;

    /// <summary>classification.jsonl (100 per label) and classification.test.jsonl (25 per label), each shuffled; no text twice.</summary>
    public static (List<LabelledText> Train, List<LabelledText> Test) Create()
    {
        var rng = new Random(Seeds.Classification);
        var seen = new HashSet<string>();
        var train = new List<LabelledText>();
        var test = new List<LabelledText>();
        foreach (string label in Labels)
        {
            var texts = new List<string>();
            while (texts.Count < TaskSplit.TestPerSkill + TaskSplit.TrainPerSkill)
            {
                string text = Write(rng, label);
                if (seen.Add(MessyChecks.Normalize(text))) texts.Add(text);
            }
            test.AddRange(texts.Take(TaskSplit.TestPerSkill).Select(t => new LabelledText(t, label)));
            train.AddRange(texts.Skip(TaskSplit.TestPerSkill).Select(t => new LabelledText(t, label)));
        }
        return (rng.Shuffled(train), rng.Shuffled(test));
    }

    /// <summary>One sentence about <paramref name="label"/>, 6 to 14 words.</summary>
    public static string Write(Random rng, string label)
    {
        Func<Random, string>[] shapes = label switch
        {
            Animals => AnimalShapes,
            Food => FoodShapes,
            Weather => WeatherShapes,
            Sports => SportShapes,
            _ => throw new ArgumentException($"unknown label '{label}'", nameof(label)),
        };
        while (true)
        {
            string text = rng.Pick(shapes)(rng);
            int words = text.Split(' ').Length;
            if (words is >= MinWords and <= MaxWords) return text;
        }
    }

    // ---- animals ----
    public static readonly IReadOnlyList<string> AnimalNames =
    [
        "dog", "cat", "horse", "owl", "cow", "goat", "rabbit", "duck", "sheep", "pig", "mouse", "fox", "frog", "hen",
        "donkey", "parrot", "squirrel", "deer", "bear", "hedgehog", "tortoise", "pony", "goose", "lamb", "kitten",
        "puppy", "swan", "beaver", "badger", "otter",
    ];
    static readonly string[] AnimalLooks =
        ["old", "little", "grey", "brown", "white", "spotted", "young", "shy", "tiny", "fluffy", "clever", "sleepy", "hungry", "friendly", "curious"];
    static readonly (string Now, string Then)[] AnimalActions =
    [
        ("sleeps", "slept"), ("hides", "hid"), ("rests", "rested"), ("waits", "waited"), ("plays", "played"),
        ("runs around", "ran around"), ("looks for its friends", "looked for its friends"), ("digs a small hole", "dug a small hole"),
        ("builds a nest", "built a nest"), ("chases its tail", "chased its tail"), ("looks for food", "looked for food"),
        ("drinks from a bucket", "drank from a bucket"), ("sniffs the ground", "sniffed the ground"),
        ("jumps over a log", "jumped over a log"), ("calls for its mother", "called for its mother"), ("curls up", "curled up"),
    ];
    static readonly string[] AnimalPlaces =
    [
        "in the barn", "under the old oak tree", "near the duck pond", "in the tall grass", "behind the wooden fence",
        "by the river", "in its warm straw bed", "on the farm", "in the forest", "at the edge of the field",
        "inside the stable", "beside the hay bales", "on the hill behind the farm", "in the animal shelter", "at the zoo",
        "near the rabbit hutch",
    ];
    static readonly string[] NeutralTimes =
        ["every morning", "all afternoon", "at night", "each evening", "for hours", "all day long", "before sunrise", "on Sundays", "this morning", "every day"];

    static readonly Func<Random, string>[] AnimalShapes =
    [
        r => $"The {r.Pick(AnimalLooks)} {r.Pick(AnimalNames)} {r.Pick(AnimalActions).Now} {r.Pick(AnimalPlaces)} {r.Pick(NeutralTimes)}.",
        r => $"{r.Pick(People.All)} saw {Text.WithArticle(r.Pick(AnimalLooks))} {r.Pick(AnimalNames)} {r.Pick(AnimalPlaces)} {r.Pick(NeutralTimes)}.",
        r => $"Our {r.Pick(AnimalNames)} {r.Pick(AnimalActions).Now} {r.Pick(AnimalPlaces)}.",
        r => $"{Text.Capitalise(Text.WithArticle(r.Pick(AnimalLooks)))} {r.Pick(AnimalNames)} {r.Pick(AnimalActions).Then} {r.Pick(AnimalPlaces)} yesterday.",
        r => $"There is {Text.WithArticle(r.Pick(AnimalLooks))} {r.Pick(AnimalNames)} {r.Pick(AnimalPlaces)}.",
        r => $"The vet came to check on the {r.Pick(AnimalLooks)} {r.Pick(AnimalNames)} {r.Pick(NeutralTimes)}.",
        r => $"{r.Pick(People.All)} wants to keep {Text.WithArticle(r.Pick(AnimalNames))} as a pet.",
        r => $"My neighbour's {r.Pick(AnimalNames)} {r.Pick(AnimalActions).Now} {r.Pick(AnimalPlaces)}.",
        r => $"We watched {Text.WithArticle(r.Pick(AnimalLooks))} {r.Pick(AnimalNames)} that {r.Pick(AnimalActions).Then} {r.Pick(AnimalPlaces)}.",
        r => $"{r.Pick(People.All)} gave the {r.Pick(AnimalNames)} some water and a pat on the head.",
        r => $"The farmer says the {r.Pick(AnimalNames)} {r.Pick(AnimalActions).Now} {r.Pick(NeutralTimes)}.",
    ];

    // ---- food ----
    public static readonly IReadOnlyList<string> Foods =
    [
        "tomato soup", "fresh bread", "apple pie", "pancakes", "rice", "cheese", "noodles", "chocolate cake", "strawberries",
        "carrot soup", "pizza", "pasta", "scrambled eggs", "porridge", "banana bread", "vegetable stew", "cookies", "salad",
        "honey toast", "fish pie", "lemon tart", "roast potatoes", "fruit salad", "cheese sandwiches", "pumpkin soup",
        "muffins", "yogurt", "apple crumble", "meatballs", "fried rice",
    ];
    static readonly string[] FoodVerbs = ["cooked", "baked", "made", "prepared", "tasted", "bought", "shared"];
    static readonly string[] Meals = ["for breakfast", "for lunch", "for dinner", "for the picnic", "for the party", "as a snack"];
    static readonly string[] FoodResults =
    [
        "tasted wonderful", "smelled delicious", "needed more salt", "tasted a little too sweet", "was ready on time",
        "filled the kitchen with a lovely smell", "was gone in minutes", "disappeared from the plates", "was still warm",
        "was served with butter",
    ];
    static readonly string[] Ingredients = ["butter", "garlic", "fresh herbs", "a little salt", "cream", "sugar", "cinnamon", "grated cheese", "olive oil", "honey"];
    static readonly string[] Drinks = ["milk", "orange juice", "lemonade", "apple juice", "hot chocolate"];

    static readonly Func<Random, string>[] FoodShapes =
    [
        r => $"The {r.Pick(Foods)} {r.Pick(FoodResults)} {r.Pick(Meals)}.",
        r => $"{r.Pick(People.All)} {r.Pick(FoodVerbs)} {r.Pick(Foods)} {r.Pick(Meals)}.",
        r => $"We bought {r.Pick(Foods)} and {r.Pick(Foods)} at the market.",
        r => $"Dad made {r.Pick(Foods)} with {r.Pick(Ingredients)} {r.Pick(Meals)}.",
        r => $"For {r.Pick(new[] { "breakfast", "lunch", "dinner" })} we had {r.Pick(Foods)} and a glass of {r.Pick(Drinks)}.",
        r => $"The smell of {r.Pick(Foods)} came from the kitchen {r.Pick(NeutralTimes)}.",
        r => $"{r.Pick(People.All)} asked for a second plate of {r.Pick(Foods)}.",
        r => $"Grandma's {r.Pick(Foods)} recipe needs {r.Pick(Ingredients)} and {r.Pick(Ingredients)}.",
        r => $"This cafe serves the best {r.Pick(Foods)} in town.",
        r => $"{r.Pick(People.All)} likes {r.Pick(Foods)} with {r.Pick(Ingredients)} {r.Pick(Meals)}.",
        r => $"The cook put {r.Pick(Foods)} on every plate {r.Pick(Meals)}.",
    ];

    // ---- weather ----
    public static readonly IReadOnlyList<string> WeatherWords =
        ["rain", "snow", "wind", "fog", "hail", "thunder", "sunshine", "frost", "clouds", "storm", "drizzle", "sleet", "mist", "lightning", "showers", "breeze"];
    static readonly string[] WeatherPhrases =
    [
        "heavy rain", "light snow", "a cold wind", "thick fog", "dark clouds", "a strong storm", "warm sunshine", "morning frost",
        "a gentle breeze", "loud thunder", "freezing rain", "grey clouds", "a thunderstorm", "hail", "light drizzle", "sleet",
    ];
    static readonly string[] WeatherResults =
    [
        "came from the north", "covered the hills", "kept everyone indoors", "cleared by noon", "surprised the whole town",
        "lasted until the evening", "moved in over the sea", "arrived early", "stayed for three days", "reached the coast",
    ];
    static readonly string[] WeatherLooks = ["rainy", "windy", "snowy", "foggy", "sunny", "cloudy", "stormy", "frosty", "chilly", "misty", "hot", "cold"];
    static readonly string[] WeatherWhen = ["tomorrow morning", "tonight", "by the weekend", "later today", "on Monday", "after midnight", "this afternoon"];
    static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    static readonly Func<Random, string>[] WeatherShapes =
    [
        r => $"{Text.Capitalise(r.Pick(WeatherPhrases))} {r.Pick(WeatherResults)} {r.Pick(new[] { "yesterday", "last week", "on Monday", "over the weekend" })}.",
        r => $"The forecast says {r.Pick(WeatherPhrases)} will arrive {r.Pick(WeatherWhen)}.",
        r => $"It was so {r.Pick(WeatherLooks)} that we stayed inside {r.Pick(NeutralTimes)}.",
        r => $"{r.Pick(People.All)} took an umbrella because of the {r.Pick(new[] { "rain", "drizzle", "showers", "storm clouds", "grey sky" })}.",
        r => $"{r.Pick(Days)} will be {r.Pick(WeatherLooks)} with {r.Pick(WeatherPhrases)} in the afternoon.",
        r => $"We watched the {r.Pick(new[] { "rain", "snow", "fog", "hail", "lightning", "clouds", "storm", "sleet", "mist" })} from the window {r.Pick(NeutralTimes)}.",
        r => $"The weather today is {r.Pick(WeatherLooks)} and {r.Pick(WeatherLooks)}, with {r.Pick(WeatherPhrases)}.",
        r => $"After the {r.Pick(new[] { "storm", "rain", "snow", "hail", "thunder" })}, the air felt {r.Pick(new[] { "fresh", "cool", "clean", "damp" })} and the sky cleared.",
        r => $"{Text.Capitalise(r.Pick(WeatherPhrases))} {r.Pick(WeatherResults)}, so the town stayed quiet.",
        r => $"The radio warned of {r.Pick(WeatherPhrases)} {r.Pick(WeatherWhen)}.",
    ];

    // ---- sports ----
    public static readonly IReadOnlyList<string> SportNames =
        ["football", "tennis", "swimming", "basketball", "hockey", "volleyball", "baseball", "cycling", "running", "rugby", "golf", "skiing", "rowing", "badminton", "cricket"];
    static readonly string[] Teams =
    [
        "Our football team", "The hockey players", "The tennis champion", "The school swimming team", "The basketball club",
        "The cycling team", "Our volleyball team", "The rugby players", "The rowing crew", "The young runners", "The cricket team",
    ];
    static readonly string[] SportResults =
    [
        "won the final on Sunday", "trained hard all week", "scored in the last minute", "lost by a single point",
        "drew a big crowd", "ended the season in first place", "celebrated a great victory", "practised before the big match",
        "beat the visiting team", "played a tough game",
    ];
    static readonly string[] SportEvents =
    [
        "football match", "tennis match", "swimming race", "basketball game", "hockey game", "cycling race", "running race",
        "rugby match", "golf tournament", "ski race", "rowing race", "volleyball game", "cricket match", "badminton match",
    ];
    static readonly string[] SportTimes = ["every morning", "after school", "on Saturdays", "twice a week", "before breakfast", "every evening"];

    static readonly Func<Random, string>[] SportShapes =
    [
        r => $"{r.Pick(Teams)} {r.Pick(SportResults)}.",
        r => $"{r.Pick(People.All)} practises {r.Pick(SportNames)} {r.Pick(SportTimes)}.",
        r => $"The {r.Pick(SportEvents)} starts {r.Pick(new[] { "at noon", "on Saturday", "in the afternoon", "at six o'clock", "next week" })}.",
        r => $"{r.Pick(People.All)} scored a goal in the {r.Pick(new[] { "football", "hockey", "handball" })} match.",
        r => $"The coach said the {r.Pick(SportNames)} team played very well.",
        r => $"Thousands of fans watched the {r.Pick(SportEvents)} on television.",
        r => $"{r.Pick(People.All)} won a medal in the {r.Pick(SportEvents)}.",
        r => $"We cheered for our team at the {r.Pick(SportEvents)}.",
        r => $"The {r.Pick(SportEvents)} was exciting and ended in a draw.",
        r => $"{r.Pick(People.All)} joined the {r.Pick(SportNames)} club and {r.Pick(new[] { "trains", "plays", "competes" })} {r.Pick(SportTimes)}.",
    ];
}
