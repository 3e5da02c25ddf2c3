using System.Text.Json;
using FineTune.Samples;

namespace FineTune.Kernel.Tests.Samples;

/// <summary>The two evaluation tasks: shapes, balance, and held-out rows that train rows never reveal.</summary>
public class TaskFilesTests
{
    static readonly string[] Instructions =
        ["Write the opposite of the word.", "Write the plural of the word.", "Write the number that comes after this one.", "Which number is larger?"];

    [Theory]
    [InlineData("instructions.jsonl", 100)]
    [InlineData("instructions.test.jsonl", 25)]
    public void Instruction_rows_have_the_three_alpaca_fields_and_mix_the_four_skills_equally(string file, int perSkill)
    {
        List<JsonElement> rows = CommittedSamples.Rows(file);

        Assert.All(rows, r => Assert.Equal(["instruction", "input", "output"], r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(Instructions.Select(i => (i, perSkill)), Instructions.Select(i => (i, rows.Count(r => r.Field("instruction") == i))));
    }

    [Fact]
    public void Instruction_outputs_are_the_right_answers()
    {
        foreach (JsonElement row in CommittedSamples.Rows("instructions.jsonl").Concat(CommittedSamples.Rows("instructions.test.jsonl")))
        {
            string input = row.Field("input"), output = row.Field("output");
            switch (Array.IndexOf(Instructions, row.Field("instruction")))
            {
                case 0: Assert.Contains((input, output), Words.Opposites.SelectMany(p => new[] { p, (p.Opposite, p.Word) })); break;
                case 1: Assert.Contains((input, output), Words.Plurals); break;
                case 2: Assert.Equal(int.Parse(input) + 1, int.Parse(output)); break;
                default: Assert.Equal(input.Split(" or ").Select(int.Parse).Max(), int.Parse(output)); break;
            }
        }
    }

    [Fact]
    public void No_held_out_instruction_input_is_a_train_input()
    {
        var train = CommittedSamples.Rows("instructions.jsonl");
        var test = CommittedSamples.Rows("instructions.test.jsonl");
        var trainInputs = train.Select(r => r.Field("input")).ToHashSet();
        var trainPairs = train.Where(r => r.Field("instruction") == Instructions[3]).Select(r => Unordered(r.Field("input"))).ToHashSet();

        foreach (JsonElement row in test)
        {
            Assert.DoesNotContain(row.Field("input"), trainInputs);
            if (row.Field("instruction") == Instructions[0]) Assert.DoesNotContain(row.Field("output"), trainInputs);
            if (row.Field("instruction") == Instructions[3]) Assert.DoesNotContain(Unordered(row.Field("input")), trainPairs);
        }
    }

    [Theory]
    [InlineData("classification.jsonl", 100)]
    [InlineData("classification.test.jsonl", 25)]
    public void Classification_rows_are_short_sentences_balanced_over_the_four_labels(string file, int perLabel)
    {
        List<JsonElement> rows = CommittedSamples.Rows(file);

        Assert.All(rows, r => Assert.Equal(["text", "label"], r.EnumerateObject().Select(p => p.Name)));
        Assert.All(rows, r => Assert.InRange(r.Field("text").Split(' ').Length, 6, 14));
        Assert.Equal(new[] { "animals", "food", "weather", "sports" }.Select(l => (l, perLabel)),
            new[] { "animals", "food", "weather", "sports" }.Select(l => (l, rows.Count(r => r.Field("label") == l))));
    }

    [Fact]
    public void No_classification_text_appears_twice_across_the_train_and_test_files()
    {
        var texts = CommittedSamples.Rows("classification.jsonl").Concat(CommittedSamples.Rows("classification.test.jsonl"))
            .Select(r => MessyChecks.Normalize(r.Field("text"))).ToList();

        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    static (int, int) Unordered(string input)
    {
        int[] n = input.Split(" or ").Select(int.Parse).ToArray();
        return (Math.Min(n[0], n[1]), Math.Max(n[0], n[1]));
    }
}
