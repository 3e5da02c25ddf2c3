using FineTune.Kernel.Notebook;
using FineTune.Kernel.Tests.Data;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Notebooks;

/// <summary>notebooks/01-explore-dataset.ipynb, run headless: its page shows every problem planted in the messy sample, with the planted counts.</summary>
public class ExploreDatasetNotebookTests
{
    const string Notebook = "01-explore-dataset.ipynb";

    static string Page()
    {
        var (result, folder) = NotebookRuns.Headless(Notebook);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        return File.ReadAllText(Path.Combine(folder, Path.ChangeExtension(Notebook, ".html")));
    }

    [Fact]
    public void The_page_shows_the_planted_problems_with_the_planted_counts()
    {
        string page = Page();
        int Count(string key) => MessySample.Lines(key).Count();
        int Pii(string kind) => MessySample.Pii(kind).Count();
        int pii = Pii("email") + Pii("phone") + Pii("ipAddress") + Pii("cardNumber");

        string[] expected =
        [
            $"{Count("malformed")} records skipped while loading",
            $"{Count("blankLines")} blank line",
            $"{Count("emptyText")} rows with an empty 'text'",
            $"{Count("exactDuplicates")} exact duplicates, {Count("normalizedDuplicates")} normalised duplicates, {Count("nearDuplicates")} near-duplicates",
            $"{pii} private-information hits: {Pii("email")} emails, {Pii("cardNumber")} card numbers, {Pii("ipAddress")} IP addresses, {Pii("phone")} phone numbers",
            $"{Count("termHits")} rows with review terms",
            "label imbalance",
        ];
        Assert.All(expected, finding => Assert.Contains(NotebookHtml.Encode(finding), page));
    }

    [Fact]
    public void The_notebook_exports_clean_splits_that_hold_every_clean_row_and_no_private_information()
    {
        Page();
        string folder = Path.Combine(RepoPaths.Root, "artifacts", "data", "messy-clean");
        var splits = new[] { "train.jsonl", "validation.jsonl", "test.jsonl" }.Select(f => FineTune.Kernel.Data.Dataset.Load(Path.Combine(folder, f), strict: true)).ToList();

        int planted = MessySample.Truth["validRows"]!.GetValue<int>() - MessySample.Lines("emptyText").Count()
            - MessySample.Lines("exactDuplicates").Count() - MessySample.Lines("normalizedDuplicates").Count() - MessySample.Lines("nearDuplicates").Count();
        Assert.Equal(planted, splits.Sum(s => s.Count));
        Assert.All(splits, s => Assert.Empty(s.Describe().PrivateInfo));
        Assert.All(splits, s => Assert.Empty(s.Describe().ExactDuplicates));
    }
}
