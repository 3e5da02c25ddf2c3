using System.Globalization;

namespace FineTune.Kernel.Text.Jinja;

/// <summary>
/// The global functions chat templates call: raise_exception (which transformers adds), namespace,
/// range, dict and strftime_now (also from transformers).
/// </summary>
static class JinjaFunctions
{
    public static IEnumerable<(string Name, object? Value)> Globals()
    {
        yield return ("raise_exception", new JinjaFunction("raise_exception", (args, _) =>
            throw new JinjaException(args.Count > 0 ? JinjaValues.ToStr(args[0]) : "raise_exception() was called", -1, raisedByTemplate: true)));
        yield return ("namespace", new JinjaFunction("namespace", (args, keywords) =>
        {
            var ns = new JinjaNamespace();
            foreach (var arg in args)
                if (arg is IDictionary<string, object?> dict) foreach (var (k, v) in dict) ns.Values[k] = v;
            foreach (var (k, v) in keywords) ns.Values[k] = v;
            return ns;
        }));
        yield return ("dict", new JinjaFunction("dict", (_, keywords) => new OrderedDictionary<string, object?>(keywords)));
        yield return ("range", new JinjaFunction("range", (args, _) => Range(args)));
        yield return ("strftime_now", new JinjaFunction("strftime_now", (args, _) => Strftime(DateTime.Now, args.Count > 0 ? JinjaValues.ToStr(args[0]) : "")));
    }

    static List<object?> Range(List<object?> args)
    {
        var n = args.Select(a => a is long l ? l : throw new JinjaException("range() takes integers", -1)).ToList();
        var (start, stop, step) = n.Count switch
        {
            1 => (0L, n[0], 1L),
            2 => (n[0], n[1], 1L),
            3 => (n[0], n[1], n[2]),
            _ => throw new JinjaException("range() takes 1 to 3 arguments", -1),
        };
        if (step == 0) throw new JinjaException("range() step must not be zero", -1);
        var items = new List<object?>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) items.Add(i);
        return items;
    }

    /// <summary>Python's strftime for the directives chat templates use (Llama 3.1's "%d %b %Y").</summary>
    static string Strftime(DateTime now, string format)
    {
        var culture = CultureInfo.InvariantCulture;
        var output = new System.Text.StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 == format.Length) { output.Append(format[i]); continue; }
            char d = format[++i];
            output.Append(d switch
            {
                'd' => now.ToString("dd", culture),
                'm' => now.ToString("MM", culture),
                'Y' => now.ToString("yyyy", culture),
                'y' => now.ToString("yy", culture),
                'b' => now.ToString("MMM", culture),
                'B' => now.ToString("MMMM", culture),
                'a' => now.ToString("ddd", culture),
                'A' => now.ToString("dddd", culture),
                'H' => now.ToString("HH", culture),
                'M' => now.ToString("mm", culture),
                'S' => now.ToString("ss", culture),
                'j' => now.DayOfYear.ToString("000", culture),
                '%' => "%",
                _ => throw new JinjaException($"strftime_now: unsupported directive %{d}", -1),
            });
        }
        return output.ToString();
    }
}
