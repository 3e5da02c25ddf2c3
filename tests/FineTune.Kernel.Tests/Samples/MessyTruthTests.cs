using System.Text.Json;
using FineTune.Samples;

namespace FineTune.Kernel.Tests.Samples;

/// <summary>messy.truth.json lists exactly what the definitions find in messy.jsonl, and what the spec asks to plant.</summary>
public class MessyTruthTests
{
    static readonly JsonElement Truth = JsonDocument.Parse(File.ReadAllText(CommittedSamples.PathOf("messy.truth.json"))).RootElement;

    static readonly MessyFindings Found = MessyChecks.Check(
        File.ReadAllBytes(CommittedSamples.PathOf("messy.jsonl")),
        Truth.GetProperty("reviewTerms").EnumerateArray().Select(t => t.GetString()!).ToList());

    [Fact]
    public void The_truth_file_agrees_with_the_checks_on_lines_malformed_rows_and_empty_texts()
    {
        Assert.Equal(Truth.GetProperty("physicalLines").GetInt32(), Found.PhysicalLines);
        Assert.Equal(Ints("blankLines"), Found.BlankLines);
        Assert.Equal(Objects("malformed", m => (m.GetProperty("line").GetInt32(), m.Field("reason"))), Found.Malformed.Select(m => (m.Line, m.Reason)));
        Assert.Equal(Truth.GetProperty("validRows").GetInt32(), Found.ValidRows);
        Assert.Equal(Ints("emptyText"), Found.EmptyText);
    }

    [Fact]
    public void The_truth_file_agrees_with_the_checks_on_every_kind_of_duplicate()
    {
        Assert.Equal(Pairs("exactDuplicates"), Found.ExactDuplicates.Select(d => (d.Line, d.Of)));
        Assert.Equal(Pairs("normalizedDuplicates"), Found.NormalizedDuplicates.Select(d => (d.Line, d.Of)));
        Assert.Equal(Objects("nearDuplicates", d => (d.GetProperty("line").GetInt32(), d.GetProperty("of").GetInt32(), d.GetProperty("jaccard").GetDouble())),
            Found.NearDuplicates.Select(d => (d.Line, d.Of, d.Jaccard)));
    }

    [Fact]
    public void The_truth_file_agrees_with_the_checks_on_private_information_terms_and_labels()
    {
        foreach (string kind in MessyChecks.PiiKinds)
            Assert.Equal(Truth.GetProperty("pii").GetProperty(kind).EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.Field("match"))),
                Found.Pii.Where(p => p.Kind == kind).Select(p => (p.Line, p.Match)));
        Assert.Equal(Objects("termHits", t => (t.GetProperty("line").GetInt32(), t.Field("term"))), Found.TermHits.Select(t => (t.Line, t.Term)));
        Assert.Equal(Truth.GetProperty("labels").EnumerateObject().Select(l => (l.Name, l.Value.GetInt32())), Found.Labels.Select(l => (l.Label, l.Count)));
    }

    [Fact]
    public void The_pii_decoys_are_in_their_rows_and_are_not_counted()
    {
        string[] lines = File.ReadAllText(CommittedSamples.PathOf("messy.jsonl")).Split('\n');
        foreach (JsonElement decoy in Truth.GetProperty("piiDecoys").EnumerateArray())
        {
            int line = decoy.GetProperty("line").GetInt32();
            Assert.Contains(decoy.Field("text"), lines[line - 1]);
            Assert.DoesNotContain(line, Found.Pii.Select(p => p.Line));
        }
    }

    [Fact]
    public void The_messy_file_plants_the_problems_the_spec_lists()
    {
        Assert.Equal(320, Found.PhysicalLines);
        Assert.Single(Found.BlankLines);
        Assert.Equal(
            new[] { ("field 'text' is not a string", 1), ("invalid JSON", 2), ("invalid UTF-8", 1), ("missing field 'label'", 2), ("not a JSON object", 1) },
            Found.Malformed.GroupBy(m => m.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())));
        Assert.Equal(4, Found.EmptyText.Count);
        Assert.Equal(8, Found.ExactDuplicates.Count);
        Assert.Equal(6, Found.NormalizedDuplicates.Count);
        Assert.Equal(6, Found.NearDuplicates.Count);
        Assert.All(Found.NearDuplicates, d => Assert.True(d.Jaccard >= 0.8));
        Assert.Equal(new[] { 5, 3, 3, 4 }, MessyChecks.PiiKinds.Select(k => Found.Pii.Count(p => p.Kind == k)));   // email, card, IPv4, phone
        Assert.Equal(4, Truth.GetProperty("piiDecoys").GetArrayLength());
        Assert.Equal(5, Found.TermHits.Count);
    }

    [Fact]
    public void Labels_of_the_valid_rows_are_imbalanced_about_50_25_15_10()
    {
        double[] shares = Found.Labels.Select(l => (double)l.Count / Found.ValidRows).ToArray();

        Assert.Equal(["animals", "food", "weather", "sports"], Found.Labels.Select(l => l.Label));
        Assert.Equal([0.50, 0.25, 0.15, 0.10], shares.Select(s => Math.Round(s, 2)));
    }

    [Fact]
    public void Apart_from_the_planted_near_duplicates_every_pair_of_rows_is_far_apart()
    {
        var skipped = Found.ExactDuplicates.Concat(Found.NormalizedDuplicates).Select(d => d.Line).Concat(Found.Malformed.Select(m => m.Line)).ToHashSet();
        var nearPairs = Found.NearDuplicates.Select(d => (d.Of, d.Line)).ToHashSet();
        var texts = File.ReadAllLines(CommittedSamples.PathOf("messy.jsonl")).Select((line, i) => (Line: i + 1, Text: TextOf(line)))
            .Where(r => r.Text is { Length: > 0 } && !skipped.Contains(r.Line) && MessyChecks.Normalize(r.Text).Length >= 5)
            .Select(r => (r.Line, Shingles: MessyChecks.Shingles(MessyChecks.Normalize(r.Text!)))).ToList();

        double closest = 0;
        for (int i = 0; i < texts.Count; i++)
            for (int j = i + 1; j < texts.Count; j++)
                if (!nearPairs.Contains((texts[i].Line, texts[j].Line)))
                    closest = Math.Max(closest, MessyChecks.Jaccard(texts[i].Shingles, texts[j].Shingles));

        Assert.True(closest < 0.5, $"two rows that are not planted near-duplicates have Jaccard {closest:F2}");
    }

    static string? TextOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("label", out _)
                && document.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    static List<int> Ints(string name) => Truth.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToList();

    static List<T> Objects<T>(string name, Func<JsonElement, T> read) => Truth.GetProperty(name).EnumerateArray().Select(read).ToList();

    static List<(int, int)> Pairs(string name) => Objects(name, d => (d.GetProperty("line").GetInt32(), d.GetProperty("of").GetInt32()));
}
