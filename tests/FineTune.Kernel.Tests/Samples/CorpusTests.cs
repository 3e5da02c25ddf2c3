using System.Text.RegularExpressions;
using FineTune.Samples;

namespace FineTune.Kernel.Tests.Samples;

/// <summary>
/// The pretraining corpus: reproducible from its seed, about 4 MB, full of the knowledge the
/// tasks probe, and free of everything held out. These checks read the committed held-out files
/// and do not use the generator's own exclusion code.
/// </summary>
public class CorpusTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    static readonly string[] ComparisonWords =
        ["larger", "largest", "smaller", "smallest", "bigger", "biggest", "greater", "greatest", "more", "most", "less", "least", "fewer", "than", "or", "higher", "lower", "over", "under"];

    [Fact]
    public void The_same_seed_gives_the_same_corpus()
    {
        CorpusText again = new Corpus(SampleSet.Create()).Generate(seed: 1);

        Assert.Equal(corpus.Text.Train, again.Train);
        Assert.Equal(corpus.Text.Valid, again.Valid);
    }

    [Fact]
    public void Another_seed_gives_another_corpus()
    {
        CorpusText other = new Corpus(SampleSet.Create()).Generate(seed: 2, trainBytes: 100_000);

        Assert.NotEqual(corpus.Text.Valid, other.Valid);
        Assert.NotEqual(corpus.Text.Train[..50_000], other.Train[..50_000]);
    }

    [Fact]
    public void The_committed_validation_text_is_the_validation_text_of_seed_1()
    {
        Assert.Equal(File.ReadAllText(CommittedSamples.PathOf("pretrain/corpus.valid.txt")), corpus.Text.Valid);
    }

    [Fact]
    public void The_train_text_is_about_4_mb_and_the_validation_text_about_200_kb_generated_in_seconds()
    {
        Assert.InRange(corpus.Text.Train.Length, 3_000_000, 5_000_000);
        Assert.InRange(corpus.Text.Valid.Length, 150_000, 250_000);
        Assert.True(corpus.Seconds < 20, $"generating the corpus took {corpus.Seconds:F1} s");
    }

    [Fact]
    public void Documents_are_separated_by_blank_lines_and_no_validation_document_is_in_the_train_text()
    {
        var train = corpus.Text.Train.TrimEnd('\n').Split("\n\n").ToHashSet();
        var valid = corpus.Text.Valid.TrimEnd('\n').Split("\n\n");

        Assert.True(train.Count > 10_000, $"only {train.Count} distinct train documents");
        Assert.DoesNotContain(valid, train.Contains);
        Assert.DoesNotContain("\n\n\n", corpus.Text.Train);
    }

    [Fact]
    public void The_vocabulary_stays_modest()
    {
        int words = Regex.Matches(corpus.Text.Train.ToLowerInvariant(), "[a-z]+").Select(m => m.Value).Distinct().Count();

        Assert.InRange(words, 500, 5000);
    }

    [Fact]
    public void The_corpus_never_has_the_alpaca_layout_or_a_task_instruction_sentence()
    {
        string text = corpus.Text.Train + corpus.Text.Valid;
        Assert.DoesNotContain("###", text);
        Assert.DoesNotContain("Instruction:", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Response:", text, StringComparison.OrdinalIgnoreCase);

        var sentences = CommittedSamples.Rows("instructions.jsonl").Select(r => r.Field("instruction")).Distinct()
            .Append("Below is an instruction that describes a task").ToList();
        Assert.Equal(5, sentences.Count);
        Assert.All(sentences, s => Assert.DoesNotContain(MessyChecks.Normalize(s), corpus.Normalized));
    }

    [Fact]
    public void The_corpus_never_has_a_held_out_classification_text()
    {
        var found = CommittedSamples.Rows("classification.test.jsonl").Select(r => r.Field("text"))
            .Where(t => corpus.Normalized.Contains(MessyChecks.Normalize(t), StringComparison.Ordinal)).ToList();

        Assert.Empty(found);
    }

    [Fact]
    public void The_corpus_never_compares_the_two_numbers_of_a_held_out_larger_pair()
    {
        var heldOut = CommittedSamples.Rows("instructions.test.jsonl").Where(r => r.Field("instruction") == "Which number is larger?")
            .Select(r => r.Field("input").Split(" or ").Select(int.Parse).Order().ToArray()).Select(p => (p[0], p[1])).ToHashSet();
        var numberWords = Enumerable.Range(1, 99).ToDictionary(NumberWords.Of, n => n);

        var comparisons = new List<string>();
        int compared = 0;
        foreach (string sentence in Regex.Split(corpus.Text.Train + corpus.Text.Valid, @"[.!?\n]+"))
        {
            var tokens = Regex.Matches(sentence.ToLowerInvariant(), @"[a-z0-9]+(?:-[a-z0-9]+)*").Select(m => m.Value).ToList();
            if (!tokens.Any(ComparisonWords.Contains)) continue;
            var numbers = tokens.Select(t => int.TryParse(t, out int n) || numberWords.TryGetValue(t, out n) ? n : 0).Where(n => n > 0).Distinct().Order().ToList();
            if (numbers.Count >= 2) compared++;
            for (int i = 0; i < numbers.Count; i++)
                for (int j = i + 1; j < numbers.Count; j++)
                    if (heldOut.Contains((numbers[i], numbers[j]))) comparisons.Add(sentence);
        }

        Assert.Equal(25, heldOut.Count);
        Assert.True(compared > 5_000, $"only {compared} sentences compare two numbers");
        Assert.Empty(comparisons);
    }

    [Fact]
    public void The_corpus_never_has_a_chat_exchange_or_a_preference_answer_verbatim()
    {
        var texts = new List<string>();
        foreach (var row in CommittedSamples.Rows("chat.jsonl"))
        {
            var messages = row.GetProperty("messages").EnumerateArray().ToList();
            texts.Add(string.Join(" ", messages.Select(m => m.Field("content"))));
            for (int i = 1; i < messages.Count; i++)
                if (messages[i].Field("role") == "assistant") texts.Add($"{messages[i - 1].Field("content")} {messages[i].Field("content")}");
        }
        foreach (var row in CommittedSamples.Rows("preferences.jsonl"))
        {
            texts.Add($"{row.Field("prompt")} {row.Field("chosen")}");
            texts.Add($"{row.Field("prompt")} {row.Field("rejected")}");
        }

        var found = texts.Where(t => corpus.Normalized.Contains(MessyChecks.Normalize(t), StringComparison.Ordinal)).ToList();

        Assert.Empty(found);
    }

    [Fact]
    public void Every_antonym_pair_and_every_plural_appears_many_times()
    {
        string text = corpus.LowerTrain;
        var rareOpposites = Words.Opposites.Where(p => Count(text, $"opposite of {p.Word} is {p.Opposite}") + Count(text, $"opposite of {p.Opposite} is {p.Word}") < 20).ToList();
        var rarePlurals = Words.Plurals.Where(p => Count(text, $"one {p.One},") + Count(text, $"plural of {p.One} is {p.Many}") < 10).ToList();

        Assert.Empty(rareOpposites);
        Assert.Empty(rarePlurals);
    }

    [Fact]
    public void Every_number_up_to_199_is_followed_by_the_next_one_many_times()
    {
        string text = corpus.LowerTrain;
        var rare = Enumerable.Range(1, 199).Where(n => Count(text, $"{n}, {n + 1}") + Count(text, $"after {n} comes {n + 1}") < 10).ToList();

        Assert.Empty(rare);
    }

    static int Count(string text, string phrase)
    {
        int count = 0;
        for (int at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
