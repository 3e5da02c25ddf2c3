using System.Text.RegularExpressions;

namespace FineTune.Samples;

/// <summary>Figures about a corpus text that the corpus command reports.</summary>
static class CorpusStatistics
{
    static readonly Regex Word = new(@"[a-z]+(?:'[a-z]+)?", RegexOptions.CultureInvariant);

    /// <summary>How many different lower-cased words (letters, with an inner apostrophe) the text has.</summary>
    public static int DistinctWords(string text) =>
        Word.Matches(text.ToLowerInvariant()).Select(m => m.Value).Distinct(StringComparer.Ordinal).Count();
}
