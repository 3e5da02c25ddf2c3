using FineTune.Kernel.Data;

namespace FineTune.Kernel.Tests.Data;

public class DuplicateTests
{
    static Dataset Labelled(params (string Text, string Label)[] rows) => DataFiles.LabelledDataset(rows);

    [Fact]
    public void Normalising_folds_case_punctuation_spacing_and_compatibility_forms()
    {
        Assert.Equal("hello world", TextNormalizer.Normalize("  Hello,   World! "));
        Assert.Equal("ﬁne day", TextNormalizer.Normalize("ﬁne day").Replace("fi", "ﬁ"));
        Assert.Equal("full width", TextNormalizer.Normalize("ＦＵＬＬ  width"));
    }

    [Fact]
    public void Exact_and_normalised_duplicates_name_the_row_they_repeat_and_a_relabelled_copy_is_a_near_duplicate()
    {
        var data = Labelled(("The dog barked.", "animals"), ("The dog barked.", "animals"), ("the DOG barked", "animals"), ("The dog barked.", "food"));

        var summary = data.Describe();

        Assert.Equal([new DuplicateRow(2, 1, DuplicateKind.Exact)], summary.ExactDuplicates);
        Assert.Equal([new DuplicateRow(3, 1, DuplicateKind.Normalized)], summary.NormalizedDuplicates);
        Assert.Equal([new DuplicateRow(4, 1, DuplicateKind.Near, 1.0)], summary.NearDuplicates);
    }

    [Fact]
    public void Near_duplicates_are_found_at_the_threshold_with_their_exact_similarity()
    {
        string a = "the little brown dog ran across the green field to fetch the ball";
        string b = "the little brown dog ran across the green field to catch the ball";
        string c = "rain fell all night and the streets were full of puddles by morning";
        var data = Labelled((a, "x"), (c, "y"), (b, "x"));

        var near = data.Describe(nearDuplicateThreshold: 0.7).NearDuplicates.Single();

        var expected = NearDuplicates.Jaccard(NearDuplicates.Shingles(a), NearDuplicates.Shingles(b));
        Assert.Equal((3, 1), (near.Position, near.Of));
        Assert.Equal(expected, near.Similarity);
        Assert.InRange(expected, 0.7, 0.9);
        Assert.Empty(data.Describe(nearDuplicateThreshold: 0.95).NearDuplicates);
    }

    [Fact]
    public void Near_duplicate_pairs_equal_the_brute_force_pairs_on_random_texts()
    {
        var random = new Random(7);
        string[] words = ["cat", "dog", "sun", "rain", "bread", "ball", "tree", "river", "snow", "soup", "bird", "game"];
        var texts = new List<string>();
        for (int i = 0; i < 150; i++)
            texts.Add(i % 5 == 4 && texts.Count > 0
                ? texts[random.Next(texts.Count)] + " " + words[random.Next(words.Length)]
                : string.Join(" ", Enumerable.Range(0, 12).Select(_ => words[random.Next(words.Length)])));
        var shingles = texts.Select(NearDuplicates.Shingles).ToArray();
        var brute = new HashSet<(int, int)>();
        for (int i = 0; i < texts.Count; i++)
            for (int j = i + 1; j < texts.Count; j++)
                if (NearDuplicates.Jaccard(shingles[i], shingles[j]) >= 0.8) brute.Add((i, j));

        var clusters = NearDuplicates.Find(texts, 0.8);

        var found = clusters.SelectMany(c => c.Members).ToHashSet();
        Assert.NotEmpty(brute);
        Assert.Equal(brute.SelectMany(p => new[] { p.Item1, p.Item2 }).ToHashSet(), found);
    }

    [Fact]
    public void Texts_shorter_than_a_shingle_are_never_near_duplicates()
    {
        Assert.Empty(NearDuplicates.Find(["abc", "abd", ""], 0.1));
    }
}
