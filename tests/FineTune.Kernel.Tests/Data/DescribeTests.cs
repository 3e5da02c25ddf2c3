using FineTune.Kernel.Data;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Data;

public class DescribeTests
{
    static Dataset Labelled(params (string Text, string Label)[] rows) => DataFiles.LabelledDataset(rows);

    [Fact]
    public void Lengths_are_summarised_with_linearly_interpolated_percentiles()
    {
        var stats = LengthStats.Of([1, 2, 3, 4, 10]);

        // numpy: np.percentile([1,2,3,4,10], [5, 50, 95]) = [1.2, 3.0, 8.8]
        Assert.Equal((1, 4, 1.2, 3, 8.8, 10), (stats.Min, stats.Mean, Math.Round(stats.P5, 6), stats.P50, Math.Round(stats.P95, 6), stats.Max));
    }

    [Fact]
    public void Fields_report_how_often_they_are_missing_or_empty()
    {
        using var folder = new TempFolder();
        var data = Dataset.Load(DataFiles.Lines(folder, "d.jsonl",
            """{"text": "hello", "label": "a", "source": "web"}""", """{"text": "", "label": "a"}""", """{"text": "  ", "label": "b", "source": null}"""));

        var fields = data.Describe().Fields.ToDictionary(f => f.Name);

        Assert.Equal((3, 0, 2), (fields["text"].Present, fields["text"].Missing, fields["text"].Empty));
        Assert.Equal((1, 2, 0), (fields["source"].Present, fields["source"].Missing, fields["source"].Empty));
    }

    [Fact]
    public void Tokens_are_counted_with_the_chosen_tokenizer_and_rows_over_the_context_are_listed()
    {
        var data = Labelled(("Hello world", "a"), (string.Join(" ", Enumerable.Repeat("word", 50)), "b"));

        var summary = data.Describe(tokenizer: "cl100k", contextLength: 10);

        Assert.Equal([2, 50], summary.TokenCounts);
        Assert.Equal([2], summary.OverContext);
        Assert.Equal("cl100k", summary.Tokenizer);
        Assert.Contains("1 row over the context length of 10 tokens", summary.Findings);
    }

    [Fact]
    public void Words_and_characters_are_measured_on_the_whole_example()
    {
        var data = Dataset.From(DatasetFormat.Instruction, [new { instruction = "Add the numbers.", input = "2 + 3", output = "5" }]);

        var summary = data.Describe();

        Assert.Equal(["Add the numbers.\n2 + 3\n5".Length], summary.CharacterCounts);
        Assert.Equal([7], summary.WordCounts);
        Assert.Null(summary.Tokens);
    }

    [Fact]
    public void Labels_are_counted_most_frequent_first_with_the_imbalance_ratio()
    {
        var data = Labelled(("a", "cat"), ("b", "dog"), ("c", "cat"), ("d", "cat"), ("e", "cat"), ("f", "dog"), ("g", "bird"));

        var summary = data.Describe();

        Assert.Equal([("cat", 4), ("dog", 2), ("bird", 1)], summary.Labels.Select(l => (l.Label, l.Rows)));
        Assert.Equal(4.0, summary.ImbalanceRatio);
        Assert.Contains("label imbalance 4:1 (cat 4, dog 2, bird 1)", summary.Findings);
    }

    [Fact]
    public void Review_terms_match_whole_words_in_any_case()
    {
        var data = Labelled(("I HATE Mondays", "a"), ("a hateful word", "a"), ("you idiot, stupid", "b"));

        var summary = data.Describe(reviewTerms: ["hate", "idiot", "stupid"]);

        Assert.Equal([(1, "hate"), (3, "idiot"), (3, "stupid")], summary.TermHits.Select(h => (h.Position, h.Term)));
        Assert.Equal(2, summary.RowsWithReviewTerms);
    }

    [Fact]
    public void A_clean_dataset_has_no_findings()
    {
        var summary = Labelled(("the sun is out", "weather"), ("soup for dinner", "food")).Describe();

        Assert.Empty(summary.Findings);
        Assert.Contains("No problems found.", summary.ToString());
    }

    [Fact]
    public void The_html_summary_shows_findings_tables_and_charts()
    {
        var data = Labelled(("write to ann@example.com", "a"), ("write to ann@example.com", "a"), ("soup", "b"));

        string html = data.Describe(tokenizer: "cl100k", contextLength: 4).ToHtml();

        Assert.Contains("<li>1 exact duplicate, 0 normalised duplicates, 0 near-duplicates", html);
        Assert.Contains("<li>2 private-information hits: 2 emails</li>", html);
        Assert.Contains("finetune-chart", html);
        Assert.Contains("<td>ann@example.com</td>", html);
    }

    [Fact]
    public void The_token_length_chart_marks_the_context_length()
    {
        var summary = Labelled(("a b c", "x")).Describe(tokenizer: "cl100k", contextLength: 64);

        string figure = Plotly.NET.GenericChart.toFigureJson(summary.TokenLengthChart());

        Assert.Contains("\"x0\":64", figure);
        Assert.Contains("\"yref\":\"paper\"", figure);
    }
}
