using FineTune.Kernel.Data;

namespace FineTune.Kernel.Tests.Data;

/// <summary>Describing data-samples/messy.jsonl finds exactly what its generator planted (messy.truth.json), row by row.</summary>
public class MessySampleTests
{
    static readonly Dataset Data = Dataset.Load(MessySample.File);
    static readonly DatasetSummary Summary = Data.Describe(reviewTerms: MessySample.ReviewTerms);

    [Fact]
    public void Every_malformed_line_is_skipped_and_listed_and_blank_lines_are_counted()
    {
        Assert.Equal(MessySample.Lines("malformed"), Data.LoadReport!.Skipped.Select(p => p.Position));
        Assert.Equal(MessySample.Lines("blankLines").Count(), Data.LoadReport.BlankLines);
        Assert.Equal(MessySample.Truth["validRows"]!.GetValue<int>(), Data.Count);
    }

    [Fact]
    public void The_rows_with_empty_text_are_those_planted()
    {
        Assert.Equal(MessySample.Lines("emptyText"), Data.Rows.Where(r => string.IsNullOrWhiteSpace(r["text"])).Select(r => r.Position));
        Assert.Equal(MessySample.Lines("emptyText").Count(), Summary.Fields.Single(f => f.Name == "text").Empty);
    }

    [Fact]
    public void Exact_normalised_and_near_duplicates_are_those_planted()
    {
        Assert.Equal(MessySample.Pairs("exactDuplicates").Order(), Summary.ExactDuplicates.Select(d => (d.Position, d.Of)).Order());
        Assert.Equal(MessySample.Pairs("normalizedDuplicates").Order(), Summary.NormalizedDuplicates.Select(d => (d.Position, d.Of)).Order());
        Assert.Equal(MessySample.Pairs("nearDuplicates").Order(), Summary.NearDuplicates.Select(d => (d.Position, d.Of)).Order());
        var planted = MessySample.Items("nearDuplicates").ToDictionary(o => o["line"]!.GetValue<int>(), o => o["jaccard"]!.GetValue<double>());
        Assert.All(Summary.NearDuplicates, d => Assert.Equal(planted[d.Position], d.Similarity, 2));
    }

    [Theory]
    [InlineData("email", PrivateInfoKind.Email)]
    [InlineData("phone", PrivateInfoKind.Phone)]
    [InlineData("ipAddress", PrivateInfoKind.IpAddress)]
    [InlineData("cardNumber", PrivateInfoKind.CardNumber)]
    public void Private_information_of_each_kind_is_found_where_planted(string kind, PrivateInfoKind found)
    {
        Assert.Equal(MessySample.Pii(kind).Order(), Summary.PrivateInfo.Where(h => h.Kind == found).Select(h => (h.Position, h.Match)).Order());
    }

    [Fact]
    public void Decoys_raise_no_private_information_hit()
    {
        var decoyLines = MessySample.Lines("piiDecoys").ToHashSet();

        Assert.NotEmpty(decoyLines);
        Assert.DoesNotContain(Summary.PrivateInfo, h => decoyLines.Contains(h.Position));
    }

    [Fact]
    public void Review_terms_and_labels_are_those_planted()
    {
        Assert.Equal(MessySample.Items("termHits").Select(o => (o["line"]!.GetValue<int>(), o["term"]!.GetValue<string>())),
            Summary.TermHits.Select(h => (h.Position, h.Term)));
        var labels = MessySample.Truth["labels"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());
        Assert.Equal(labels, Summary.Labels.ToDictionary(l => l.Label, l => l.Rows));
    }
}
