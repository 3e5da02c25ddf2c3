using System.Globalization;
using System.Text;

namespace FineTune.Kernel.Text.Jinja;

/// <summary>
/// The tojson filter as transformers defines it: Python's json.dumps(x, ensure_ascii=False, indent=...,
/// separators=..., sort_keys=...), so tool schemas print exactly as they do in Python.
/// </summary>
static class JinjaJson
{
    public static string Dumps(object? value, long? indent, string? itemSeparator, string? keySeparator, bool sortKeys, bool ensureAscii)
    {
        var output = new StringBuilder();
        var options = (Indent: indent, Item: itemSeparator ?? (indent is null ? ", " : ","), Key: keySeparator ?? ": ", sortKeys, ensureAscii);
        Write(value, 0, output, options);
        return output.ToString();
    }

    static void Write(object? value, int depth, StringBuilder output, (long? Indent, string Item, string Key, bool SortKeys, bool EnsureAscii) o)
    {
        switch (value)
        {
            case null: output.Append("null"); break;
            case bool b: output.Append(b ? "true" : "false"); break;
            case long l: output.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case double d: output.Append(double.IsNaN(d) ? "NaN" : double.IsInfinity(d) ? (d > 0 ? "Infinity" : "-Infinity") : JinjaValues.FormatFloat(d)); break;
            case string s: WriteString(s, output, o.EnsureAscii); break;
            case IList<object?> list:
                WriteContainer('[', ']', list.Count, depth, output, o, (i, _) => Write(list[i], depth + 1, output, o));
                break;
            case IDictionary<string, object?> dict:
                var pairs = o.SortKeys ? dict.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList() : dict.ToList();
                WriteContainer('{', '}', pairs.Count, depth, output, o, (i, _) =>
                {
                    WriteString(pairs[i].Key, output, o.EnsureAscii);
                    output.Append(o.Key);
                    Write(pairs[i].Value, depth + 1, output, o);
                });
                break;
            default: throw new JinjaException($"tojson: a {JinjaValues.TypeName(value)} is not JSON serializable", -1);
        }
    }

    static void WriteContainer(char open, char close, int count, int depth, StringBuilder output,
        (long? Indent, string Item, string Key, bool SortKeys, bool EnsureAscii) o, Action<int, int> item)
    {
        output.Append(open);
        if (count == 0) { output.Append(close); return; }
        string newline = o.Indent is long n ? "\n" + new string(' ', (int)n * (depth + 1)) : "";
        for (int i = 0; i < count; i++)
        {
            if (i > 0) output.Append(o.Item);
            output.Append(newline);
            item(i, depth);
        }
        if (o.Indent is long m) output.Append('\n').Append(' ', (int)m * depth);
        output.Append(close);
    }

    static void WriteString(string s, StringBuilder output, bool ensureAscii)
    {
        output.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                default:
                    if (c < 0x20 || (ensureAscii && c > 0x7E)) output.Append($"\\u{(int)c:x4}");
                    else output.Append(c);
                    break;
            }
        }
        output.Append('"');
    }
}
