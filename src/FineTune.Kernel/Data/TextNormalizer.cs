using System.Globalization;
using System.Text;

namespace FineTune.Kernel.Data;

/// <summary>
/// The normalised form duplicate checks compare: Unicode NFKC, lower case (invariant), punctuation
/// removed, runs of white space collapsed to one space, trimmed. "Hello,  World!" and "hello world" are equal.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The normalised form of <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        string folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var result = new StringBuilder(folded.Length);
        bool pendingSpace = false;
        foreach (char c in folded)
        {
            if (char.IsWhiteSpace(c)) pendingSpace = result.Length > 0;
            else if (!IsPunctuation(c))
            {
                if (pendingSpace) result.Append(' ');
                pendingSpace = false;
                result.Append(c);
            }
        }
        return result.ToString();
    }

    static bool IsPunctuation(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation;
}
