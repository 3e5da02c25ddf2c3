using System.Globalization;
using System.Text;

namespace FineTune.Kernel.Text.Jinja;

/// <summary>Jinja's filters ("x | trim", "tools | tojson(indent=4)"), the ones chat templates use and the common rest.</summary>
static class JinjaFilters
{
    public static object? Apply(JinjaRenderer renderer, string name, object? value, List<object?> args, Dictionary<string, object?> keywords, int position)
    {
        object? Arg(int i, string key, object? fallback = null) => i < args.Count ? args[i] : keywords.GetValueOrDefault(key, fallback);
        try
        {
            return name switch
            {
                "trim" => JinjaValues.Strip(JinjaValues.ToStr(value), Arg(0, "chars") as string, true, true),
                "tojson" => ToJson(value, Arg(0, "indent"), keywords),
                "length" or "count" => Length(value, position),
                "string" => JinjaValues.ToStr(value),
                "safe" => value,
                "escape" or "e" or "forceescape" => Escape(JinjaValues.ToStr(value)),
                "default" or "d" => value is Undefined || (JinjaValues.IsTrue(Arg(1, "boolean", false)) && !JinjaValues.IsTrue(value)) ? Arg(0, "default_value", "") : value,
                "upper" => JinjaValues.ToStr(value).ToUpperInvariant(),
                "lower" => JinjaValues.ToStr(value).ToLowerInvariant(),
                "title" => JinjaValues.Title(JinjaValues.ToStr(value)),
                "capitalize" => JinjaMethods.Method(JinjaValues.ToStr(value), "capitalize")!.Invoke([], []),
                "replace" => JinjaMethods.Method(JinjaValues.ToStr(value), "replace")!.Invoke(args, []),
                "join" => string.Join(JinjaValues.ToStr(Arg(0, "d", "")), Sequence(value, position)
                    .Select(x => Arg(1, "attribute") is string a ? JinjaRenderer.GetAttribute(x, a, position) : x).Select(JinjaValues.ToStr)),
                "first" => Sequence(value, position).FirstOrDefault(Undefined.Value),
                "last" => Sequence(value, position).LastOrDefault(Undefined.Value),
                "list" => Sequence(value, position).ToList(),
                "reverse" => value is string s ? new string(s.Reverse().ToArray()) : Sequence(value, position).Reverse().ToList(),
                "unique" => Sequence(value, position).Aggregate(new List<object?>(), (seen, x) => { if (!seen.Any(y => JinjaValues.AreEqual(x, y))) seen.Add(x); return seen; }),
                "sort" => Sort(value, Arg(0, "reverse", false), Arg(2, "attribute") as string, position),
                "items" => value is Undefined ? new List<object?>() : value is IDictionary<string, object?> dict ? JinjaMethods.Items(dict)
                    : throw new JinjaException($"items needs a mapping, got a {JinjaValues.TypeName(value)}", position),
                "int" => ToInt(value, Arg(0, "default", 0L)),
                "float" => ToFloat(value, Arg(0, "default", 0.0)),
                "abs" => value is long l ? (object)Math.Abs(l) : Math.Abs(JinjaValues.ToDouble(value)),
                "round" => Math.Round(JinjaValues.ToDouble(value), (int)(Arg(0, "precision", 0L) as long? ?? 0), MidpointRounding.AwayFromZero),
                "sum" => Sequence(value, position).Select(x => Arg(0, "attribute") is string a ? JinjaRenderer.GetAttribute(x, a, position) : x)
                    .Aggregate(Arg(1, "start", 0L), (total, x) => JinjaOperators.Apply("+", total, x, position)),
                "min" => Sequence(value, position).Aggregate((a, b) => JinjaValues.Compare(b, a) < 0 ? b : a),
                "max" => Sequence(value, position).Aggregate((a, b) => JinjaValues.Compare(b, a) > 0 ? b : a),
                "map" => Map(renderer, value, args, keywords, position),
                "select" or "reject" => Sequence(value, position).Where(x => Pass(x, args, 0, position) == (name == "select")).ToList(),
                "selectattr" or "rejectattr" => Sequence(value, position)
                    .Where(x => Pass(JinjaRenderer.GetAttribute(x, JinjaValues.ToStr(Arg(0, "attribute")), position), args, 1, position) == (name == "selectattr")).ToList(),
                "indent" => Indent(JinjaValues.ToStr(value), Arg(0, "width", 4L), JinjaValues.IsTrue(Arg(1, "first", false)), JinjaValues.IsTrue(Arg(2, "blank", false))),
                "wordcount" => (long)JinjaValues.ToStr(value).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length,
                _ => throw new JinjaException($"unsupported filter '{name}'", position),
            };
        }
        catch (JinjaException e) when (e.Position < 0) { throw new JinjaException(e.Message, position, e.RaisedByTemplate); }
        catch (InvalidCastException) { throw new JinjaException($"the '{name}' filter cannot take a {JinjaValues.TypeName(value)}", position); }
    }

    static string ToJson(object? value, object? indent, Dictionary<string, object?> keywords)
    {
        string? item = null, key = null;
        if (keywords.GetValueOrDefault("separators") is IList<object?> { Count: 2 } separators)
        {
            item = JinjaValues.ToStr(separators[0]);
            key = JinjaValues.ToStr(separators[1]);
        }
        return JinjaJson.Dumps(value, indent as long?, item, key,
            JinjaValues.IsTrue(keywords.GetValueOrDefault("sort_keys", false)), JinjaValues.IsTrue(keywords.GetValueOrDefault("ensure_ascii", false)));
    }

    static long Length(object? value, int position) => value switch
    {
        string s => s.EnumerateRunes().Count(),
        IList<object?> list => list.Count,
        IDictionary<string, object?> dict => dict.Count,
        Undefined => 0,
        _ => throw new JinjaException($"a {JinjaValues.TypeName(value)} has no length", position),
    };

    static IEnumerable<object?> Sequence(object? value, int position) =>
        JinjaValues.Items(value) ?? throw new JinjaException($"expected a list, got a {JinjaValues.TypeName(value)}", position);

    static List<object?> Sort(object? value, object? reverse, string? attribute, int position)
    {
        var items = Sequence(value, position).ToList();
        object? Key(object? x) => attribute is null ? x : JinjaRenderer.GetAttribute(x, attribute, position);
        items.Sort((a, b) => JinjaValues.Compare(Key(a), Key(b)) ?? throw new JinjaException("sort: values cannot be compared", position));
        if (JinjaValues.IsTrue(reverse)) items.Reverse();
        return items;
    }

    static List<object?> Map(JinjaRenderer renderer, object? value, List<object?> args, Dictionary<string, object?> keywords, int position)
    {
        var items = Sequence(value, position);
        if (keywords.GetValueOrDefault("attribute") is string attribute)
            return items.Select(x => JinjaRenderer.GetAttribute(x, attribute, position)).ToList();
        if (args.ElementAtOrDefault(0) is not string filter) throw new JinjaException("map needs a filter name or attribute=", position);
        return items.Select(x => Apply(renderer, filter, x, args.Skip(1).ToList(), [], position)).ToList();
    }

    /// <summary>For select/reject: the test named at args[testAt] (or truthiness when none is named).</summary>
    static bool Pass(object? value, List<object?> args, int testAt, int position) =>
        args.ElementAtOrDefault(testAt) is string test ? JinjaIsTests.Apply(test, value, args.Skip(testAt + 1).ToList(), position) : JinjaValues.IsTrue(value);

    static object ToInt(object? value, object? fallback) => value switch
    {
        long l => l,
        double d => (long)Math.Truncate(d),
        bool b => b ? 1L : 0L,
        string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) => l,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => (long)Math.Truncate(d),
        _ => fallback!,
    };

    static object ToFloat(object? value, object? fallback) => value switch
    {
        long or double or bool => JinjaValues.ToDouble(value),
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        _ => fallback!,
    };

    static string Escape(string s) =>
        s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&#34;").Replace("'", "&#39;");

    static string Indent(string s, object? width, bool first, bool blank)
    {
        string pad = width is string w ? w : new string(' ', (int)(width as long? ?? 4));
        var lines = s.Split('\n');
        var output = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) output.Append('\n');
            bool indent = (i > 0 || first) && (blank || lines[i].Trim().Length > 0);
            output.Append(indent ? pad : "").Append(lines[i]);
        }
        return output.ToString();
    }
}
