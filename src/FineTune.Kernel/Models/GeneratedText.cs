namespace FineTune.Kernel.Models;

/// <summary>
/// The growing text of one generated sequence: decodes the tokens so far, finds stop strings, and
/// hands out only text that is final: a trailing incomplete UTF-8 character, or the start of what
/// may become a stop string, is held back until the next token settles it or generation ends.
/// What it hands out, joined, is exactly the final text.
/// </summary>
sealed class GeneratedText(Func<IReadOnlyList<int>, string> decode, IReadOnlyList<string> stopStrings)
{
    string emitted = "";

    /// <summary>The text of all tokens so far, cut before a stop string once one appears.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Whether the text reached a stop string.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Updates the text for <paramref name="tokens"/> and returns the newly final part.</summary>
    public string Update(IReadOnlyList<int> tokens)
    {
        string full = decode(tokens);
        int stop = stopStrings.Select(s => full.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (stop >= 0)
        {
            Text = full[..stop];
            Stopped = true;
            return Flush();
        }
        Text = full;
        return Emit(full[..(full.Length - Undecided(full))]);
    }

    /// <summary>Hands out whatever was held back; called when the sequence ends.</summary>
    public string Flush() => Emit(Text);

    /// <summary>How many trailing characters may still change: a partial character or the start of a stop string.</summary>
    int Undecided(string text)
    {
        int held = text.Length - text.TrimEnd('\uFFFD').Length;
        foreach (string stop in stopStrings)
            for (int k = Math.Min(stop.Length - 1, text.Length); k > held; k--)
                if (text.EndsWith(stop[..k], StringComparison.Ordinal))
                {
                    held = k;
                    break;
                }
        return held;
    }

    string Emit(string final)
    {
        if (final.Length <= emitted.Length || !final.StartsWith(emitted, StringComparison.Ordinal)) return "";
        string added = final[emitted.Length..];
        emitted = final;
        return added;
    }
}
