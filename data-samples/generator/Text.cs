namespace FineTune.Samples;

/// <summary>Small English spelling rules the sentence writers share.</summary>
static class Text
{
    /// <summary>"fox" becomes "Fox".</summary>
    public static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>"a" or "an" before <paramref name="word"/>, with the word: "an owl", "a fox".</summary>
    public static string WithArticle(string word) => ("aeiou".Contains(word[0]) ? "an " : "a ") + word;

    /// <summary>"a, b and c".</summary>
    public static string JoinAnd(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
