using FineTune.Kernel.Data;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Tests.Data;

public class TransformTests
{
    static Dataset Labelled(params (string Text, string Label)[] rows) => DataFiles.LabelledDataset(rows);

    static Dataset Topics(int perLabel, params string[] labels) =>
        Labelled([.. labels.SelectMany(l => Enumerable.Range(0, perLabel).Select(i => ($"{l} sentence number {i}", l)))]);

    [Fact]
    public void A_filter_keeps_what_the_predicate_accepts_and_reports_what_it_removed()
    {
        var data = Labelled(("keep me", "a"), ("drop", "b"), ("keep too", "a"));

        var kept = data.Filter(r => r["label"] == "a", "label a only");

        Assert.Equal([1, 3], kept.Rows.Select(r => r.Position));
        Assert.Equal("filter (label a only): 3 -> 2 rows; removed 1", kept.Report);
        Assert.Equal(3, data.Count);
    }

    [Fact]
    public void Filtering_by_length_counts_tokens_with_a_tokenizer_and_characters_without()
    {
        var data = Labelled(("one two three four five six", "a"), ("hi", "b"));

        Assert.Equal([2], data.FilterByLength(max: 10).Rows.Select(r => r.Position));
        Assert.Equal([1], data.FilterByLength(min: 3, tokenizer: "cl100k").Rows.Select(r => r.Position));
    }

    [Fact]
    public void Dropping_empty_rows_removes_those_with_an_empty_required_field()
    {
        var data = Labelled(("text", "a"), ("", "a"), ("  ", "b"), ("more", ""));

        Assert.Equal([1], data.DropEmpty().Rows.Select(r => r.Position));
    }

    [Fact]
    public void Dedupe_removes_each_kind_up_to_the_one_asked_for_keeping_the_first()
    {
        var data = Labelled(
            ("the little brown dog ran across the green field to fetch the ball", "a"),
            ("the little brown dog ran across the green field to fetch the ball", "a"),
            ("The little brown dog ran across the green field, to fetch the ball!", "a"),
            ("the little brown dog ran across the green field to catch the ball", "a"),
            ("rain fell all night", "b"));

        Assert.Equal([1, 3, 4, 5], data.Dedupe(DuplicateKind.Exact).Rows.Select(r => r.Position));
        Assert.Equal([1, 4, 5], data.Dedupe(DuplicateKind.Normalized).Rows.Select(r => r.Position));
        var all = data.Dedupe(threshold: 0.7);
        Assert.Equal([1, 5], all.Rows.Select(r => r.Position));
        Assert.Equal("dedupe (near, Jaccard >= 0.7): 5 -> 2 rows; removed 1 exact, 1 normalised, 1 near duplicates", all.Report);
    }

    [Fact]
    public void Scrubbing_masks_private_information_in_every_text_field()
    {
        var data = Dataset.From(DatasetFormat.Chat, [new { messages = new[]
        {
            new { role = "user", content = "Mail me at ann@example.com" }, new { role = "assistant", content = "Sure, or call 212-555-0134?" },
        } }]);

        var scrubbed = data.ScrubPrivateInfo();

        Assert.Equal(["Mail me at [EMAIL]", "Sure, or call [PHONE]?"], scrubbed.Rows[0].Messages.Select(m => m.Content));
        Assert.Equal("scrub private information: 1 -> 1 rows; masked 2 hits in 1 rows (1 [EMAIL], 1 [PHONE])", scrubbed.Report);
        Assert.Empty(scrubbed.Describe().PrivateInfo);
        Assert.Equal("Mail me at ann@example.com", data.Rows[0].Messages[0].Content);
    }

    [Fact]
    public void Truncation_shortens_the_last_part_at_a_token_boundary_to_fit_the_budget()
    {
        var tokenizer = TextTokenizer.Load("cl100k");
        var data = Dataset.From(DatasetFormat.Instruction,
        [
            new { instruction = "Continue the story.", input = "", output = string.Join(" ", Enumerable.Repeat("the dog ran", 20)) },
            new { instruction = "Say hi.", input = "", output = "hi" },
        ]);

        var cut = data.TruncateToTokens(tokenizer, 16);

        var first = cut.Rows[0];
        Assert.True(tokenizer.CountTokens(first["instruction"] + "\n" + first["output"]) <= 16);
        Assert.StartsWith(first["output"], data.Rows[0]["output"]);
        Assert.True(tokenizer.CountTokens(first["instruction"] + "\n" + first["output"] + " the") > 16);
        Assert.Equal("hi", cut.Rows[1]["output"]);
        Assert.StartsWith("truncate to 16 tokens (cl100k): 2 -> 2 rows; shortened 1 rows, removing", cut.Report);
    }

    [Fact]
    public void Balancing_down_or_up_gives_every_label_the_same_count()
    {
        var data = Labelled([.. Enumerable.Range(0, 6).Select(i => ($"cat {i}", "cat")), .. Enumerable.Range(0, 2).Select(i => ($"dog {i}", "dog"))]);

        var down = data.BalanceLabels(BalanceMode.Downsample, seed: 3);
        var up = data.BalanceLabels(BalanceMode.Upsample, seed: 3);

        Assert.Equal([("cat", 2), ("dog", 2)], down.Describe().Labels.Select(l => (l.Label, l.Rows)).OrderBy(l => l.Label));
        Assert.Equal([("cat", 6), ("dog", 6)], up.Describe().Labels.Select(l => (l.Label, l.Rows)).OrderBy(l => l.Label));
        Assert.Equal(down.Rows.Select(r => r.Position), data.BalanceLabels(BalanceMode.Downsample, seed: 3).Rows.Select(r => r.Position));
    }

    [Fact]
    public void Splits_are_seeded_disjoint_complete_and_stratified_by_label()
    {
        var data = Topics(20, "animals", "food", "sports");

        var splits = data.Split(validation: 0.1, test: 0.2, seed: 5);

        var positions = new[] { splits.Train, splits.Validation, splits.Test }.SelectMany(s => s.Rows.Select(r => r.Position)).ToList();
        Assert.Equal(data.Count, positions.Distinct().Count());
        Assert.Equal(data.Count, positions.Count);
        Assert.Equal((42, 6, 12), (splits.Train.Count, splits.Validation.Count, splits.Test.Count));
        Assert.All(splits.Test.Describe().Labels, l => Assert.Equal(4, l.Rows));
        Assert.Equal(splits.Test.Rows.Select(r => r.Position), data.Split(validation: 0.1, test: 0.2, seed: 5).Test.Rows.Select(r => r.Position));
        Assert.NotEqual(splits.Test.Rows.Select(r => r.Position), data.Split(validation: 0.1, test: 0.2, seed: 6).Test.Rows.Select(r => r.Position));
        Assert.Equal("train 42, validation 6, test 12", splits.ToString());
    }

    [Fact]
    public void Sampling_is_seeded_and_keeps_the_dataset_order()
    {
        var data = Topics(10, "a", "b");

        var sample = data.Sample(5, seed: 1);

        Assert.Equal(5, sample.Count);
        Assert.Equal(sample.Rows.Select(r => r.Position).Order(), sample.Rows.Select(r => r.Position));
        Assert.Equal(sample.Rows.Select(r => r.Position), data.Sample(5, seed: 1).Rows.Select(r => r.Position));
    }

    [Fact]
    public void A_prompt_template_fills_fields_into_plain_text()
    {
        var data = Dataset.From(DatasetFormat.Instruction, [new { instruction = "Add.", input = "2 + 2", output = "4" }]);

        var prompts = data.ToPromptText("### Instruction:\n{instruction}\n{input}\n\n### Response:\n{output} {{done}}");

        Assert.Equal(DatasetFormat.Text, prompts.Format);
        Assert.Equal("### Instruction:\nAdd.\n2 + 2\n\n### Response:\n4 {done}", prompts.Rows[0]["text"]);
        var error = Assert.Throws<ArgumentException>(() => data.ToPromptText("{question}"));
        Assert.Contains("'{question}' at position 0 names no field; the fields are instruction, input, output", error.Message);
    }

    [Fact]
    public void Every_transform_is_recorded_in_the_history()
    {
        var data = Topics(5, "a", "b").Dedupe().Sample(4, seed: 2);

        Assert.Equal(["dedupe (near, Jaccard >= 0.8)", "sample 4 (seed 2)"], data.History.Select(h => h.Operation));
    }
}
