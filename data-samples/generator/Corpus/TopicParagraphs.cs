namespace FineTune.Samples;

/// <summary>
/// Short sentences about animals, food, weather and sports, each with the word for its topic:
/// the knowledge the classification task probes. Held-out test texts are kept out by the corpus.
/// </summary>
static class TopicParagraphs
{
    public static string Write(Random rng)
    {
        switch (rng.Next(3))
        {
            case 0:
            {
                string label = rng.Pick(ClassificationTexts.Labels);
                var texts = Enumerable.Range(0, rng.Next(3, 6)).Select(_ => ClassificationTexts.Write(rng, label));
                return $"Here are some sentences about {label}. {string.Join(" ", texts)}";
            }
            case 1:
                return string.Join("\n", Enumerable.Range(0, rng.Next(3, 6)).Select(_ =>
                {
                    string label = rng.Pick(ClassificationTexts.Labels);
                    return $"{ClassificationTexts.Write(rng, label)} {rng.Pick(new[] { "This sentence is about", "This is about", "The topic is" })} {label}.";
                }));
            default:
                return string.Join(" ", rng.Shuffled(ClassificationTexts.Labels).Select(label => Kinds(rng, label)));
        }
    }

    static string Kinds(Random rng, string label)
    {
        IReadOnlyList<string> words = label switch
        {
            ClassificationTexts.Animals => ClassificationTexts.AnimalNames,
            ClassificationTexts.Food => ClassificationTexts.Foods,
            ClassificationTexts.Weather => ClassificationTexts.WeatherWords,
            _ => ClassificationTexts.SportNames,
        };
        List<string> picked = rng.PickDistinct(words, 3);
        string list = Text.JoinAnd(label == ClassificationTexts.Animals ? picked.Select(Words.PluralOf).ToList() : picked);
        return label switch
        {
            ClassificationTexts.Animals => $"{Text.Capitalise(list)} are animals.",
            ClassificationTexts.Food => $"{Text.Capitalise(list)} are kinds of food.",
            ClassificationTexts.Weather => $"{Text.Capitalise(list)} are kinds of weather.",
            _ => $"{Text.Capitalise(list)} are sports.",
        };
    }
}
