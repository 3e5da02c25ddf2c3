namespace FineTune.Samples;

/// <summary>
/// Short TinyStories-like stories: a child, a home, one small adventure (a lost toy, a weather
/// day, baking, a race, a farm visit, counting, kindness, a found animal, school, the beach, a
/// garden, a toy shop, bedtime), a feeling and an
/// ending. Facts the tasks need (opposites, plurals, counting, comparisons) are woven in.
/// </summary>
sealed class Stories(TaskSplit split)
{
    public string Write(Random rng)
    {
        var hero = Character.Pick(rng);
        var friend = Character.Pick(rng, not: hero.Name);
        var story = new List<string>();
        int intro = rng.Next(4);
        story.Add(Intro(rng, hero, intro));
        story.Add(Setting(rng, hero, livesNearby: intro == 1));
        story.AddRange(rng.Next(13) switch
        {
            8 => School(rng, hero, friend),
            9 => Beach(rng, hero, friend),
            10 => Garden(rng, hero),
            11 => Shop(rng, hero),
            12 => Bedtime(rng, hero),
            0 => LostToy(rng, hero, friend),
            1 => WeatherDay(rng, hero),
            2 => Baking(rng, hero, friend),
            3 => Race(rng, hero, friend),
            4 => FarmVisit(rng, hero),
            5 => Counting(rng, hero, friend),
            6 => Kindness(rng, hero, friend),
            _ => FoundAnimal(rng, hero),
        });
        if (rng.Chance(0.5)) story.Add(Contrast(rng, hero));
        if (rng.Chance(0.35)) story.Add(PictureBook(rng, hero));
        story.Add(Ending(rng, hero, friend));
        return string.Join(" ", story);
    }

    static string Sub(Character c) => Text.Capitalise(c.He);

    static string Intro(Random rng, Character c, int which) => which switch
    {
        0 => $"Once upon a time, there was a {rng.Pick(StoryWords.Looks)} {c.Child} named {c.Name}.",
        1 => $"{c.Name} was a {rng.Pick(StoryWords.Looks)} {c.Child} who lived near {rng.Pick(StoryWords.Homes)}.",
        2 => $"There once was a {rng.Pick(StoryWords.Looks)} {c.Child} called {c.Name}.",
        _ => $"One morning, a {rng.Pick(StoryWords.Looks)} {c.Child} named {c.Name} woke up early.",
    };

    /// <summary>Where the child lives (unless the intro said so already), a favourite toy or a pet.</summary>
    static string Setting(Random rng, Character c, bool livesNearby) => (livesNearby ? rng.Next(1, 3) : rng.Next(3)) switch
    {
        0 => $"{Sub(c)} lived with {c.His} {rng.Pick(StoryWords.Family)} in a small house near {rng.Pick(StoryWords.Homes)}.",
        1 => $"{Sub(c)} loved to play with {c.His} {rng.Pick(StoryWords.Colours)} {rng.Pick(StoryWords.Toys)}.",
        _ => $"{Sub(c)} had a {rng.Pick(StoryWords.Looks)} {rng.Pick(StoryWords.Pets)} named {rng.Pick(StoryWords.PetNames)}.",
    };

    static IEnumerable<string> LostToy(Random rng, Character c, Character f)
    {
        string toy = rng.Pick(StoryWords.Toys);
        List<string> places = rng.PickDistinct(StoryWords.Furniture, 2);
        yield return $"One day, {c.Name} could not find {c.His} {toy}.";
        yield return $"{Sub(c)} looked under the {places[0]} and behind the {places[1]}, but it was not there.";
        yield return $"{Sub(c)} felt sad and a little worried.";
        yield return $"Then {c.His} friend {f.Name} came to help.";
        yield return $"\"Let's look outside,\" said {f.Name}.";
        yield return $"They found the {toy} {rng.Pick(StoryWords.Spots)}.";
        yield return $"{c.Name} was so happy. \"Thank you, {f.Name}!\" {c.He} said.";
    }

    static IEnumerable<string> WeatherDay(Random rng, Character c)
    {
        yield return $"One morning, {c.Name} looked out of the window.";
        switch (rng.Next(4))
        {
            case 0:
                yield return "It was raining, and the sky was grey.";
                yield return $"{Sub(c)} put on {c.His} boots and {c.His} coat and went out to jump in the puddles.";
                yield return $"When {c.He} came home, {c.His} socks were wet, but the towel by the door was dry.";
                yield return $"{Text.Capitalise(c.His)} {rng.Pick(StoryWords.Family)} made {c.Him} a cup of hot tea.";
                break;
            case 1:
                yield return "Everything was white, because snow had fallen in the night.";
                yield return $"{Sub(c)} built a snowman with a carrot for a nose.";
                yield return $"The snow was cold, but {c.His} hat and gloves kept {c.Him} warm.";
                yield return $"Inside, the fire was hot and the soup was ready.";
                break;
            case 2:
                yield return "The sun was shining and the sky was blue.";
                yield return $"{Sub(c)} went to the park and played until the evening.";
                yield return "The day was hot, so they ate cold ice cream under a tree.";
                yield return $"At night it was dark and quiet, and {c.Name} looked at the stars.";
                break;
            default:
                yield return "The wind was blowing hard, and the trees were moving.";
                yield return $"{Sub(c)} took {c.His} kite to the top of the hill.";
                yield return "The kite flew high, then low, then high again.";
                yield return $"\"The wind is strong today,\" said {c.Name}, and {c.He} laughed.";
                break;
        }
    }

    static IEnumerable<string> Baking(Random rng, Character c, Character f)
    {
        string treat = rng.Pick(StoryWords.Treats);
        string elder = rng.Pick(StoryWords.Family);
        int eggs = rng.Next(2, 7);
        yield return $"One day, {c.Name} and {c.His} {elder} wanted to bake a {treat}.";
        yield return $"They needed {NumberWords.Of(eggs)} eggs.";
        yield return $"{c.Name} counted the eggs: {string.Join(", ", Enumerable.Range(1, eggs).Select(NumberWords.Of))}.";
        yield return "They mixed flour, sugar and butter in a big bowl.";
        yield return $"The oven was hot, so {c.Name} stood back and waited.";
        yield return "After a while, the whole kitchen smelled sweet.";
        yield return $"The {treat} was soft and warm, and {c.Name} shared it with {f.Name}.";
    }

    static IEnumerable<string> Race(Random rng, Character c, Character f)
    {
        string sport = rng.Pick(new[] { "football", "tennis", "tag", "hide and seek" });
        yield return $"After school, {c.Name} and {f.Name} played {sport} in the park.";
        yield return "Then they had a race to the big tree.";
        bool wins = rng.Chance(0.5);
        yield return wins
            ? $"{c.Name} was fast and {f.Name} was slow, so {c.Name} won the race."
            : $"{f.Name} was fast and {c.Name} was slow, so {f.Name} won the race.";
        yield return wins
            ? $"{f.Name} did not win, but {f.He} was not sad. \"Sometimes you win and sometimes you lose,\" {f.He} said."
            : $"{c.Name} did not win, but {c.He} was not sad. \"Sometimes you win and sometimes you lose,\" {c.He} said.";
        yield return "They were both tired and happy.";
    }

    static IEnumerable<string> FarmVisit(Random rng, Character c)
    {
        List<(string One, string Many, string Sound)> animals = rng.PickDistinct(StoryWords.Sounds, 3);
        List<int> counts = [rng.Next(2, 9), rng.Next(2, 9)];
        yield return $"One day, {c.Name} went to a farm with {c.His} class.";
        yield return $"{Sub(c)} saw {NumberWords.Of(counts[0])} {animals[0].Many}, {NumberWords.Of(counts[1])} {animals[1].Many} and one {animals[2].One}.";
        yield return $"The {animals[0].Many} said {animals[0].Sound}, and the {animals[1].Many} said {animals[1].Sound}.";
        yield return $"The {animals[2].One} said {animals[2].Sound}.";
        yield return $"The farmer let {c.Name} feed the {animals[0].Many}.";
        yield return "It was the best day ever.";
    }

    IEnumerable<string> Counting(Random rng, Character c, Character f)
    {
        string things = rng.Pick(StoryWords.Collections);
        int n = rng.Next(3, 11);
        yield return $"{c.Name} had a jar of {things}.";
        yield return $"{Sub(c)} counted them one by one: {string.Join(", ", Enumerable.Range(1, n).Select(NumberWords.Of))}.";
        yield return $"There were {NumberWords.Of(n)} {things}.";
        var (a, b) = split.PickFreePair(rng, max: 20);
        yield return $"{f.Name} had a jar too.";
        yield return a > b
            ? $"{c.Name} had {NumberWords.Of(a)} {things} and {f.Name} had {NumberWords.Of(b)}, so {c.Name} had more {things} than {f.Name}."
            : $"{c.Name} had {NumberWords.Of(a)} {things} and {f.Name} had {NumberWords.Of(b)}, so {f.Name} had more {things} than {c.Name}.";
        yield return "They put all of them together and counted again.";
    }

    static IEnumerable<string> Kindness(Random rng, Character c, Character f)
    {
        string toy = rng.Pick(StoryWords.Toys);
        yield return $"One day, {c.Name} saw {f.Name} sitting alone.";
        yield return $"{f.Name} was sad because {f.His} {toy} was broken.";
        yield return $"{c.Name} wanted to help, so {c.He} gave {f.Name} {c.His} own {rng.Pick(StoryWords.Toys)}.";
        yield return $"{f.Name} smiled. Now {f.He} was happy, not sad.";
        yield return "Being kind is good, and it made them both feel warm inside.";
    }

    static IEnumerable<string> FoundAnimal(Random rng, Character c)
    {
        var (one, _, sound) = rng.Pick(StoryWords.Sounds);
        string petName = rng.Pick(StoryWords.PetNames);
        yield return $"One day, {c.Name} found a small {one} in the garden.";
        yield return $"It was cold and hungry, so {c.Name} gave it some water and something to eat.";
        yield return $"The {one} said {sound}, and {c.Name} laughed.";
        yield return $"{Sub(c)} named it {petName}.";
        yield return $"From that day on, {c.Name} and {petName} were best friends.";
    }

    static IEnumerable<string> School(Random rng, Character c, Character f)
    {
        string teacher = rng.Pick(new[] { "Miss Green", "Mr Brown", "Mrs Hill", "Mr Stone" });
        var pairs = rng.PickDistinct(Words.Opposites, 3);
        yield return $"At school, {teacher} played a word game with the class.";
        yield return $"\"I will say a word, and you tell me its opposite,\" said {teacher}.";
        yield return $"\"{Text.Capitalise(pairs[0].Word)},\" said {teacher}. \"{Text.Capitalise(pairs[0].Opposite)}!\" said {c.Name}.";
        yield return $"\"{Text.Capitalise(pairs[1].Word)},\" said {teacher}. \"{Text.Capitalise(pairs[1].Opposite)}!\" said {f.Name}.";
        yield return $"\"{Text.Capitalise(pairs[2].Word)},\" said {teacher}. Everyone shouted, \"{Text.Capitalise(pairs[2].Opposite)}!\"";
        yield return $"{teacher} smiled. \"You all know your opposites very well.\"";
    }

    static IEnumerable<string> Beach(Random rng, Character c, Character f)
    {
        int shells = rng.Next(3, 10);
        yield return $"In the summer, {c.Name} and {f.Name} went to the beach.";
        yield return "The sand was warm and the sea was cool and blue.";
        yield return $"They built a big sandcastle with a tall tower and a deep moat.";
        yield return $"{c.Name} found {NumberWords.Of(shells)} shells and put them in a bucket.";
        yield return $"A wave came and the bucket was full of water, so {c.Name} had to empty it.";
        yield return $"When the sun went down, they walked home, tired and happy.";
    }

    static IEnumerable<string> Garden(Random rng, Character c)
    {
        string flower = rng.Pick(new[] { "sunflowers", "roses", "tulips", "daisies", "beans", "tomatoes", "carrots" });
        int seeds = rng.Next(3, 11);
        yield return $"In the spring, {c.Name} helped {c.His} {rng.Pick(StoryWords.Family)} in the garden.";
        yield return $"They planted {NumberWords.Of(seeds)} seeds in a long row to grow {flower}.";
        yield return $"Every day, {c.Name} gave the seeds some water.";
        yield return "At first nothing happened, but one morning there were small green shoots.";
        yield return $"Soon the garden was full of {flower}, and {c.Name} was very proud.";
    }

    IEnumerable<string> Shop(Random rng, Character c)
    {
        string toy = rng.Pick(StoryWords.Toys);
        var (a, b) = split.PickFreePair(rng, max: 20);
        int price = Math.Max(a, b), coins = Math.Min(a, b);
        yield return $"{c.Name} went to the toy shop with {c.His} {rng.Pick(StoryWords.Family)}.";
        yield return $"{Sub(c)} wanted to buy a {toy}, but it was expensive.";
        yield return $"The {toy} cost {NumberWords.Of(price)} coins and {c.Name} had only {NumberWords.Of(coins)}, so {c.He} needed more coins.";
        yield return $"{Sub(c)} saved {c.His} coins for many weeks.";
        yield return $"At last {c.He} had enough, and {c.He} went back to buy the {toy}.";
        yield return $"The shopkeeper wanted to sell it, and {c.Name} was glad to buy it.";
    }

    static IEnumerable<string> Bedtime(Random rng, Character c)
    {
        yield return $"When the day was over and the night came, the sky grew dark.";
        yield return $"{c.Name} could not sleep, so {c.He} looked out of the window.";
        yield return $"{Sub(c)} counted the stars: {string.Join(", ", Enumerable.Range(1, rng.Next(4, 11)).Select(NumberWords.Of))}.";
        yield return "The moon was bright and round.";
        yield return $"Soon {c.His} eyes were heavy, and {c.He} was asleep. In the morning {c.He} was awake again and ready to play.";
    }

    /// <summary>An opposite pair in use: "The red box was big, but the blue box was small."</summary>
    static string Contrast(Random rng, Character c)
    {
        var (a, b, things) = rng.Pick(StoryWords.Describing);
        string thing = rng.Pick(things);
        List<string> colours = StoryWords.Uncoloured.Contains(thing) ? ["first", "second"] : rng.PickDistinct(StoryWords.Colours, 2);
        string sentence = rng.Chance(0.5)
            ? $"The {colours[0]} {thing} was {a}, but the {colours[1]} {thing} was {b}."
            : $"The {colours[0]} {thing} was {b}, but the {colours[1]} {thing} was {a}.";
        return rng.Chance(0.5) ? sentence : $"{sentence} \"{Text.Capitalise(a)} and {b} are opposites,\" said {c.Name}.";
    }

    /// <summary>A plural in use: "On one page there was one fox, and on the next page there were three foxes."</summary>
    static string PictureBook(Random rng, Character c)
    {
        var (one, many) = rng.Pick(Words.Plurals);
        int n = rng.Next(2, 11);
        return $"{c.Name} had a picture book about {many}. On one page there was one {one}, and on the next page there were {NumberWords.Of(n)} {many}.";
    }

    static string Ending(Random rng, Character c, Character f) => rng.Next(5) switch
    {
        0 => $"From that day on, {c.Name} and {f.Name} played together every day.",
        1 => $"{c.Name} went to bed with a big smile. The end.",
        2 => $"It was a {rng.Pick(new[] { "good", "happy", "lovely" })} day, and {c.Name} felt {rng.Pick(StoryWords.Feelings)}.",
        3 => $"That night, {c.Name} told {c.His} {rng.Pick(StoryWords.Family)} all about it.",
        _ => "The end.",
    };
}
