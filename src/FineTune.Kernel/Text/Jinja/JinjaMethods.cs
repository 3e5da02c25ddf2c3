using System.Globalization;
using System.Text;

namespace FineTune.Kernel.Text.Jinja;

/// <summary>The Python methods templates call on strings, dicts and lists ("x".strip(), d.items(), ...), and slicing.</summary>
static class JinjaMethods
{
    /// <summary>The bound method <paramref name="name"/> of <paramref name="target"/>, or null if it has none.</summary>
    public static JinjaFunction? Method(object? target, string name) => target switch
    {
        string s => StringMethod(s, name),
        IDictionary<string, object?> dict => DictMethod(dict, name),
        IList<object?> list => ListMethod(list, name),
        _ => null,
    };

    static JinjaFunction? StringMethod(string s, string name)
    {
        Func<List<object?>, Dictionary<string, object?>, object?>? method = name switch
        {
            "strip" => (a, _) => JinjaValues.Strip(s, Chars(a), true, true),
            "lstrip" => (a, _) => JinjaValues.Strip(s, Chars(a), true, false),
            "rstrip" => (a, _) => JinjaValues.Strip(s, Chars(a), false, true),
            "upper" => (_, _) => s.ToUpperInvariant(),
            "lower" => (_, _) => s.ToLowerInvariant(),
            "title" => (_, _) => JinjaValues.Title(s),
            "capitalize" => (_, _) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant(),
            "startswith" => (a, _) => Prefixes(a).Any(p => s.StartsWith(p, StringComparison.Ordinal)),
            "endswith" => (a, _) => Prefixes(a).Any(p => s.EndsWith(p, StringComparison.Ordinal)),
            "split" => (a, k) => Split(s, Arg(a, k, 0, "sep") as string, Arg(a, k, 1, "maxsplit") as long? ?? -1),
            "splitlines" => (_, _) => s.Split(["\r\n", "\n", "\r"], StringSplitOptions.None).SkipLast(s.EndsWith('\n') ? 1 : 0).Cast<object?>().ToList(),
            "replace" => (a, _) => Replace(s, Text(a, 0), Text(a, 1), a.Count > 2 ? (long)a[2]! : -1),
            "find" => (a, _) => (long)s.IndexOf(Text(a, 0), StringComparison.Ordinal),
            "rfind" => (a, _) => (long)s.LastIndexOf(Text(a, 0), StringComparison.Ordinal),
            "count" => (a, _) => (long)Count(s, Text(a, 0)),
            "join" => (a, _) => string.Join(s, (JinjaValues.Items(a.ElementAtOrDefault(0)) ?? []).Select(JinjaValues.ToStr)),
            "removeprefix" => (a, _) => s.StartsWith(Text(a, 0), StringComparison.Ordinal) ? s[Text(a, 0).Length..] : s,
            "removesuffix" => (a, _) => s.EndsWith(Text(a, 0), StringComparison.Ordinal) ? s[..^Text(a, 0).Length] : s,
            "isdigit" => (_, _) => s.Length > 0 && s.All(char.IsDigit),
            "isalpha" => (_, _) => s.Length > 0 && s.All(char.IsLetter),
            "isspace" => (_, _) => s.Length > 0 && s.All(char.IsWhiteSpace),
            "isupper" => (_, _) => s.Any(char.IsLetter) && !s.Any(char.IsLower),
            "islower" => (_, _) => s.Any(char.IsLetter) && !s.Any(char.IsUpper),
            "format" => (a, k) => Format(s, a, k),
            _ => null,
        };
        return method is null ? null : new JinjaFunction($"str.{name}", method);
    }

    static JinjaFunction? DictMethod(IDictionary<string, object?> dict, string name) => name switch
    {
        "get" => new JinjaFunction("dict.get", (a, _) => a.Count > 0 && a[0] is string key && dict.TryGetValue(key, out var v) ? v : a.ElementAtOrDefault(1)),
        "items" => new JinjaFunction("dict.items", (_, _) => Items(dict)),
        "keys" => new JinjaFunction("dict.keys", (_, _) => dict.Keys.Cast<object?>().ToList()),
        "values" => new JinjaFunction("dict.values", (_, _) => dict.Values.ToList()),
        _ => null,
    };

    static JinjaFunction? ListMethod(IList<object?> list, string name) => name switch
    {
        "index" => new JinjaFunction("list.index", (a, _) =>
        {
            for (int i = 0; i < list.Count; i++) if (JinjaValues.AreEqual(list[i], a.ElementAtOrDefault(0))) return (long)i;
            throw new JinjaException($"{JinjaValues.Repr(a.ElementAtOrDefault(0))} is not in the list", -1);
        }),
        "count" => new JinjaFunction("list.count", (a, _) => (long)list.Count(x => JinjaValues.AreEqual(x, a.ElementAtOrDefault(0)))),
        _ => null,
    };

    /// <summary>A dict's (key, value) pairs as two-item lists, in insertion order.</summary>
    public static List<object?> Items(IDictionary<string, object?> dict) =>
        dict.Select(kv => (object?)new List<object?> { kv.Key, kv.Value }).ToList();

    /// <summary>Python slicing of lists and strings: [start:stop:step], negative indices from the end.</summary>
    public static object? Slice(object? target, object? start, object? stop, object? step, int position)
    {
        List<object?> items = target switch
        {
            IList<object?> list => [.. list],
            string s => s.EnumerateRunes().Select(r => (object?)r.ToString()).ToList(),
            _ => throw new JinjaException($"cannot slice a {JinjaValues.TypeName(target)}", position),
        };
        long n = items.Count, by = step as long? ?? 1;
        if (by == 0) throw new JinjaException("slice step cannot be zero", position);
        long Clamp(object? index, long fallback)
        {
            if (index is null) return fallback;
            long i = index is long l ? l : throw new JinjaException("slice indices must be integers", position);
            if (i < 0) i += n;
            return by > 0 ? Math.Clamp(i, 0, n) : Math.Clamp(i, -1, n - 1);
        }
        long from = Clamp(start, by > 0 ? 0 : n - 1), to = Clamp(stop, by > 0 ? n : -1);
        var result = new List<object?>();
        for (long i = from; by > 0 ? i < to : i > to; i += by) result.Add(items[(int)i]);
        return target is string ? string.Concat(result.Cast<string>()) : result;
    }

    static string? Chars(List<object?> args) => args.ElementAtOrDefault(0) as string;

    static IEnumerable<string> Prefixes(List<object?> args) => args.ElementAtOrDefault(0) switch
    {
        string p => [p],
        IList<object?> list => list.Select(JinjaValues.ToStr),
        var other => throw new JinjaException($"startswith/endswith take a string or a tuple of strings, not a {JinjaValues.TypeName(other)}", -1),
    };

    static string Text(List<object?> args, int i) =>
        args.ElementAtOrDefault(i) as string ?? throw new JinjaException($"argument {i + 1} should be a string", -1);

    static object? Arg(List<object?> args, Dictionary<string, object?> keywords, int i, string name) =>
        i < args.Count ? args[i] : keywords.GetValueOrDefault(name);

    /// <summary>Python's str.split: on runs of whitespace when no separator is given.</summary>
    static List<object?> Split(string s, string? separator, long maxSplit)
    {
        if (separator is null)
        {
            var words = new List<object?>();
            int i = 0;
            while (i < s.Length)
            {
                while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
                if (i == s.Length) break;
                if (maxSplit >= 0 && words.Count == maxSplit) { words.Add(s[i..].TrimEnd()); break; }
                int start = i;
                while (i < s.Length && !char.IsWhiteSpace(s[i])) i++;
                words.Add(s[start..i]);
            }
            return words;
        }
        if (separator.Length == 0) throw new JinjaException("split(): empty separator", -1);
        var parts = maxSplit < 0 ? s.Split(separator) : s.Split(separator, (int)maxSplit + 1);
        return parts.Cast<object?>().ToList();
    }

    static string Replace(string s, string old, string replacement, long count)
    {
        if (count < 0) return old.Length == 0 ? s : s.Replace(old, replacement, StringComparison.Ordinal);
        var builder = new StringBuilder();
        int at = 0;
        for (long done = 0; done < count; done++)
        {
            int found = s.IndexOf(old, at, StringComparison.Ordinal);
            if (found < 0 || old.Length == 0) break;
            builder.Append(s, at, found - at).Append(replacement);
            at = found + old.Length;
        }
        return builder.Append(s, at, s.Length - at).ToString();
    }

    static int Count(string s, string part)
    {
        if (part.Length == 0) return s.Length + 1;
        int count = 0;
        for (int at = s.IndexOf(part, StringComparison.Ordinal); at >= 0; at = s.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>str.format with {} / {0} / {name} fields (no format specs).</summary>
    static string Format(string s, List<object?> args, Dictionary<string, object?> keywords)
    {
        var builder = new StringBuilder();
        int next = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '{' && i + 1 < s.Length && s[i + 1] == '{') { builder.Append('{'); i++; continue; }
            if (s[i] == '}' && i + 1 < s.Length && s[i + 1] == '}') { builder.Append('}'); i++; continue; }
            if (s[i] != '{') { builder.Append(s[i]); continue; }
            int close = s.IndexOf('}', i);
            if (close < 0) throw new JinjaException("format(): '{' is never closed", -1);
            string field = s[(i + 1)..close];
            object? value = field.Length == 0 ? args.ElementAtOrDefault(next++)
                : int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? args.ElementAtOrDefault(n)
                : keywords.TryGetValue(field, out var v) ? v
                : throw new JinjaException($"format(): unsupported field {{{field}}}", -1);
            builder.Append(JinjaValues.ToStr(value));
            i = close;
        }
        return builder.ToString();
    }
}
