namespace FineTune.Samples;

/// <summary>One preference row (TRL's standard format): a prompt, a chosen and a rejected answer.</summary>
sealed record PreferenceRow(string Prompt, string Chosen, string Rejected);

/// <summary>
/// preferences.jsonl: 200 questions on the four skills. Chosen is a correct short answer;
/// rejected is a wrong answer in the same form, or an off-topic ramble.
/// </summary>
static class PreferenceSamples
{
    public const int Count = 200;

    static readonly string[] RambleStarts =
    [
        "I like to walk in the park on quiet afternoons.",
        "My cousin has a red bicycle with a little bell.",
        "Yesterday I saw a big cloud that looked like a boat.",
        "There is a bakery near my school that sells warm buns.",
        "Sometimes I sing songs while I tidy my room.",
        "The library in our town has a window full of plants.",
        "When I was small I wanted to be a pilot.",
        "Our teacher read us a story about a brave little ship.",
    ];

    static readonly string[] RambleEnds =
    [
        "Anyway, that is what I was thinking about.",
        "It makes me smile every time.",
        "I wonder what the ducks do when it rains.",
        "Maybe we can talk about that another day.",
        "That reminds me of a song my grandmother knows.",
        "I think about it a lot.",
    ];

    public static List<PreferenceRow> Create(TaskSplit split)
    {
        var rng = new Random(Seeds.Preferences);
        var rows = new List<PreferenceRow>();
        var seen = new HashSet<string>();
        while (rows.Count < Count)
        {
            SkillQuestion q = SkillQuestions.Ask(rng, split);
            bool brief = rng.Chance(0.4);
            string chosen = brief ? q.ShortAnswer : q.Answer;
            string rejected = rng.Chance(0.6) ? (brief ? q.WrongShortAnswer : q.WrongAnswer)
                : $"{rng.Pick(RambleStarts)} {rng.Pick(RambleEnds)}";
            var row = new PreferenceRow(q.Question, chosen, rejected);
            if (seen.Add(row.Prompt)) rows.Add(row);
        }
        return rows;
    }
}
