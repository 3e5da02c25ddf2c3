namespace FineTune.Samples;

/// <summary>Numbers written out in English words: 43 is "forty-three", 112 is "one hundred and twelve".</summary>
static class NumberWords
{
    static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>The words for <paramref name="n"/>, 0 to 999.</summary>
    public static string Of(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 999);
        if (n < 20) return Ones[n];
        if (n < 100) return n % 10 == 0 ? Tens[n / 10] : $"{Tens[n / 10]}-{Ones[n % 10]}";
        string hundreds = $"{Ones[n / 100]} hundred";
        return n % 100 == 0 ? hundreds : $"{hundreds} and {Of(n % 100)}";
    }

    /// <summary>The same words with a capital first letter, to start a sentence.</summary>
    public static string Capitalised(int n) => Text.Capitalise(Of(n));
}
