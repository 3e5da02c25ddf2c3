namespace FineTune.Samples;

/// <summary>Question and answer pairs, one "Q:"/"A:" (or "Question:"/"Answer:") pair per two lines.</summary>
sealed class QuestionsAndAnswers(TaskSplit split)
{
    public string Write(Random rng)
    {
        var (q, a) = rng.Chance(0.7) ? ("Q", "A") : ("Question", "Answer");
        var pairs = Enumerable.Range(0, rng.Next(3, 7)).Select(_ => Pair(rng)).Select(p => $"{q}: {p.Question}\n{a}: {p.Answer}");
        return string.Join("\n", pairs);
    }

    (string Question, string Answer) Pair(Random rng)
    {
        switch (rng.Next(9))
        {
            case 0:
            {
                var (w, o) = rng.Pick(Words.Opposites);
                if (rng.Chance(0.5)) (w, o) = (o, w);
                return ($"What is the opposite of {w}?", rng.Chance(0.5) ? $"{Text.Capitalise(o)}." : $"The opposite of {w} is {o}.");
            }
            case 1:
            {
                var (one, many) = rng.Pick(Words.Plurals);
                return rng.Chance(0.5)
                    ? ($"What is the plural of {one}?", $"{Text.Capitalise(many)}.")
                    : ($"One {one}, two what?", $"Two {many}.");
            }
            case 2:
            {
                int n = rng.Next(1, TaskSplit.MaxCounted + 1);
                return rng.Chance(0.5) ? ($"What comes after {n}?", $"{n + 1}.") : ($"What number is after {n}?", $"It is {n + 1}.");
            }
            case 3:
            {
                int n = rng.Next(2, TaskSplit.MaxCounted + 2);
                return ($"What comes before {n}?", $"{n - 1}.");
            }
            case 4:
            {
                var (a, b) = split.PickFreePair(rng);
                int x = Math.Max(a, b);
                return rng.Chance(0.5)
                    ? ($"Which is bigger, {a} or {b}?", $"{x}.")
                    : ($"Is {a} more than {b}?", a > b ? $"Yes, {a} is more than {b}." : $"No, {b} is more than {a}.");
            }
            case 5:
            {
                var (one, _, sound) = rng.Pick(StoryWords.Sounds);
                return ($"What does {Text.WithArticle(one)} say?", $"{Text.Capitalise(sound)}.");
            }
            case 6:
            {
                var (thing, colour) = rng.Pick(StoryWords.ThingColours);
                return ($"What colour is {thing}?", $"{Text.Capitalise(colour)}.");
            }
            case 7:
            {
                var (animal, legs) = rng.Pick(StoryWords.Legs);
                return ($"How many legs does {Text.WithArticle(animal)} have?", $"{NumberWords.Capitalised(legs)}.");
            }
            default:
            {
                string label = rng.Pick(ClassificationTexts.Labels);
                return ($"What is this about: \"{ClassificationTexts.Write(rng, label)}\"", $"It is about {label}.");
            }
        }
    }
}
