namespace FineTune.Kernel.Models;

/// <summary>
/// The growing text of one generated sequence: decodes the tokens so far, hands out only the new
/// part (holding back a trailing incomplete UTF-8 character), and finds stop strings.
/// </summary>
sealed class GeneratedText(Func<IReadOnlyList<int>, string> decode, IReadOnlyList<string> stopStrings)
{
    string emitted = "";

    /// <summary>The text of all tokens so far, cut before a stop string once one appears.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Whether the text reached a stop string.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Updates the text for <paramref name="tokens"/> and returns what it adds to what was handed out before.</summary>
    public string Update(IReadOnlyList<int> tokens)
    {
        string full = decode(tokens);
        int stop = stopStrings.Select(s => full.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (stop >= 0)
        {
            full = full[..stop];
            Stopped = true;
        }
        Text = full;
        if (!Stopped && full.EndsWith('\uFFFD')) return "";                 // wait for the rest of the character
        if (!full.StartsWith(emitted, StringComparison.Ordinal) || full.Length <= emitted.Length) return "";
        string added = full[emitted.Length..];
        emitted = full;
        return added;
    }
}
