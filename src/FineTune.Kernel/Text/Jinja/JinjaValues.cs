using System.Globalization;
using System.Text;

namespace FineTune.Kernel.Text.Jinja;

/// <summary>A name or attribute that does not exist: prints as "", is false, iterates as nothing (Jinja's default Undefined).</summary>
sealed class Undefined
{
    public static readonly Undefined Value = new();
}

/// <summary>namespace(...): the one mutable object templates have, so {% set ns.x = ... %} survives a loop.</summary>
sealed class JinjaNamespace
{
    public Dictionary<string, object?> Values { get; } = [];
}

/// <summary>A {% macro %}: called like a function, returns what its body renders; sees the scope it was defined in.</summary>
sealed record JinjaMacro(MacroStatement Definition, JinjaScope Closure);

/// <summary>Variables of one level: the template, a loop iteration, a macro call. Lookups walk outwards.</summary>
sealed class JinjaScope(JinjaScope? parent)
{
    readonly Dictionary<string, object?> variables = [];

    JinjaScope? Parent => parent;

    public bool TryGet(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
            if (scope.variables.TryGetValue(name, out value)) return true;
        value = null;
        return false;
    }

    public void Set(string name, object? value) => variables[name] = value;
}

/// <summary>A built-in function (raise_exception, namespace, range) or a bound method ("x".strip).</summary>
sealed record JinjaFunction(string Name, Func<List<object?>, Dictionary<string, object?>, object?> Invoke);

/// <summary>The loop variable of a for loop.</summary>
sealed class JinjaLoop(IReadOnlyList<object?> items)
{
    public int Index0 { get; set; }

    public object? Attribute(string name) => name switch
    {
        "index0" => (long)Index0,
        "index" => (long)Index0 + 1,
        "revindex0" => (long)(items.Count - Index0 - 1),
        "revindex" => (long)(items.Count - Index0),
        "first" => Index0 == 0,
        "last" => Index0 == items.Count - 1,
        "length" => (long)items.Count,
        "previtem" => Index0 > 0 ? items[Index0 - 1] : Undefined.Value,
        "nextitem" => Index0 + 1 < items.Count ? items[Index0 + 1] : Undefined.Value,
        "depth" => 1L,
        "depth0" => 0L,
        "cycle" => new JinjaFunction("loop.cycle", (args, _) => args.Count == 0 ? Undefined.Value : args[Index0 % args.Count]),
        _ => Undefined.Value,
    };
}

/// <summary>Python semantics for template values: truth, equality, ordering and str()/repr().</summary>
static class JinjaValues
{
    public static bool IsTrue(object? value) => value switch
    {
        null or Undefined => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        IList<object?> list => list.Count > 0,
        IDictionary<string, object?> dict => dict.Count > 0,
        _ => true,
    };

    public static bool AreEqual(object? a, object? b) => (a, b) switch
    {
        (null, null) or (Undefined, Undefined) => true,
        (bool x, bool y) => x == y,
        (bool or long or double, bool or long or double) => ToDouble(a) == ToDouble(b),
        (string x, string y) => x == y,
        (IList<object?> x, IList<object?> y) => x.Count == y.Count && x.Zip(y).All(p => AreEqual(p.First, p.Second)),
        (IDictionary<string, object?> x, IDictionary<string, object?> y) =>
            x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && AreEqual(kv.Value, v)),
        _ => ReferenceEquals(a, b),
    };

    /// <summary>Orders two values as Python does, or returns null when they cannot be compared.</summary>
    public static int? Compare(object? a, object? b) => (a, b) switch
    {
        (bool or long or double, bool or long or double) => ToDouble(a).CompareTo(ToDouble(b)),
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => null,
    };

    public static double ToDouble(object? value) => value switch
    {
        bool b => b ? 1 : 0,
        long l => l,
        double d => d,
        _ => throw new InvalidCastException(),
    };

    /// <summary>What {{ value }} prints: Python's str().</summary>
    public static string ToStr(object? value) => value switch
    {
        string s => s,
        Undefined => "",
        _ => Repr(value),
    };

    /// <summary>Python's repr(), used inside printed lists and dicts.</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        Undefined => "",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatFloat(d),
        string s => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'").Replace("\n", "\\n").Replace("\t", "\\t") + "'",
        IList<object?> list => "[" + string.Join(", ", list.Select(Repr)) + "]",
        IDictionary<string, object?> dict => "{" + string.Join(", ", dict.Select(kv => Repr(kv.Key) + ": " + Repr(kv.Value))) + "}",
        JinjaNamespace => "<Namespace>",
        _ => value.ToString() ?? "",
    };

    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        string r = d.ToString("R", CultureInfo.InvariantCulture);
        return r.Contains('.') || r.Contains('E') ? r.Replace("E+", "e+").Replace("E-", "e-") : r + ".0";
    }

    /// <summary>What a for loop walks over: list items, dict keys, string characters; nothing for undefined.</summary>
    public static IReadOnlyList<object?>? Items(object? value) => value switch
    {
        Undefined => [],
        IList<object?> list => [.. list],
        IDictionary<string, object?> dict => dict.Keys.Cast<object?>().ToList(),
        string s => s.EnumerateRunes().Select(r => (object?)r.ToString()).ToList(),
        _ => null,
    };

    public static string TypeName(object? value) => value switch
    {
        null => "NoneType",
        Undefined => "undefined",
        bool => "bool",
        long => "int",
        double => "float",
        string => "str",
        IList<object?> => "list",
        IDictionary<string, object?> => "dict",
        JinjaNamespace => "Namespace",
        JinjaMacro or JinjaFunction => "function",
        _ => value.GetType().Name,
    };

    /// <summary>Python's str.strip() and friends: with no characters given, whitespace.</summary>
    public static string Strip(string s, string? chars, bool left, bool right)
    {
        Func<char, bool> strip = chars is null ? char.IsWhiteSpace : chars.Contains;
        int start = 0, end = s.Length;
        if (left) while (start < end && strip(s[start])) start++;
        if (right) while (end > start && strip(s[end - 1])) end--;
        return s[start..end];
    }

    /// <summary>Python's str.title(): the first letter of each run of letters upper-cased, the rest lower-cased.</summary>
    public static string Title(string s)
    {
        var builder = new StringBuilder(s.Length);
        bool previousIsLetter = false;
        foreach (char c in s)
        {
            builder.Append(previousIsLetter ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            previousIsLetter = char.IsLetter(c);
        }
        return builder.ToString();
    }
}
