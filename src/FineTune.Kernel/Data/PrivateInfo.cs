using System.Text.RegularExpressions;

namespace FineTune.Kernel.Data;

/// <summary>Kinds of private information the scanner finds.</summary>
public enum PrivateInfoKind
{
    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A payment card number: 13-19 digits (unbroken, or grouped by single spaces or dashes) that pass the Luhn check.</summary>
    CardNumber,

    /// <summary>An IPv4 address: four dot-separated octets 0-255.</summary>
    IpAddress,

    /// <summary>A phone number: international (+CC ...) or North American layouts, 10-15 digits.</summary>
    Phone,
}

/// <summary>One piece of private information in a row.</summary>
/// <param name="Position">The row's position.</param>
/// <param name="Field">The field it is in ("text", "messages[1].content").</param>
/// <param name="Kind">What it is.</param>
/// <param name="Match">The text found.</param>
/// <param name="Start">Where it starts in the field.</param>
public sealed record PrivateInfoHit(int Position, string Field, PrivateInfoKind Kind, string Match, int Start);

/// <summary>
/// Finds private information in text, kind by kind in a fixed order (e-mail, card number, IP
/// address, phone), a later kind never matching inside an earlier one's span, and masks it with a
/// typed placeholder such as <c>[EMAIL]</c>.
/// </summary>
public static partial class PrivateInfo
{
    /// <summary>The placeholder <see cref="Mask"/> writes for each kind.</summary>
    public static string Placeholder(PrivateInfoKind kind) => kind switch
    {
        PrivateInfoKind.Email => "[EMAIL]",
        PrivateInfoKind.CardNumber => "[CARD_NUMBER]",
        PrivateInfoKind.IpAddress => "[IP_ADDRESS]",
        _ => "[PHONE]",
    };

    /// <summary>Every match in <paramref name="text"/>, in order of position.</summary>
    public static IReadOnlyList<(PrivateInfoKind Kind, int Start, int Length)> Find(string text)
    {
        var found = new List<(PrivateInfoKind Kind, int Start, int Length)>();
        foreach (var (kind, pattern) in Patterns)
            foreach (Match match in pattern.Matches(text))
            {
                if (kind == PrivateInfoKind.CardNumber && !PassesLuhn(match.Value)) continue;
                if (kind == PrivateInfoKind.Phone && Digits(match.Value) is < 10 or > 15) continue;
                if (found.Any(f => match.Index < f.Start + f.Length && f.Start < match.Index + match.Length)) continue;
                found.Add((kind, match.Index, match.Length));
            }
        return found.OrderBy(f => f.Start).ToList();
    }

    /// <summary><paramref name="text"/> with every match replaced by its kind's placeholder.</summary>
    public static string Mask(string text)
    {
        var hits = Find(text);
        for (int i = hits.Count - 1; i >= 0; i--)
            text = text[..hits[i].Start] + Placeholder(hits[i].Kind) + text[(hits[i].Start + hits[i].Length)..];
        return text;
    }

    /// <summary>The Luhn checksum of the digits in <paramref name="number"/> (separators ignored).</summary>
    public static bool PassesLuhn(string number)
    {
        int sum = 0, position = 0;
        for (int i = number.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(number[i])) continue;
            int digit = number[i] - '0';
            if (position++ % 2 == 1 && (digit *= 2) > 9) digit -= 9;
            sum += digit;
        }
        return position > 0 && sum % 10 == 0;
    }

    static int Digits(string text) => text.Count(char.IsAsciiDigit);

    static readonly (PrivateInfoKind, Regex)[] Patterns =
    [
        (PrivateInfoKind.Email, EmailPattern()),
        (PrivateInfoKind.CardNumber, CardPattern()),
        (PrivateInfoKind.IpAddress, IpPattern()),
        (PrivateInfoKind.Phone, PhonePattern()),
    ];

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?<!\d)(?<!\d\.)(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d)(?!\.\d)")]
    private static partial Regex IpPattern();

    [GeneratedRegex(@"(?<!\d)(?:\+\d{1,3}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,3}|\(\d{3}\) ?\d{3}-\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b)(?!\d)")]
    private static partial Regex PhonePattern();
}
