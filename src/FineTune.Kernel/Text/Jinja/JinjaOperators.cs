namespace FineTune.Kernel.Text.Jinja;

/// <summary>Binary operators with Python's semantics: arithmetic, comparison, membership and ~ concatenation.</summary>
static class JinjaOperators
{
    public static object? Apply(string op, object? left, object? right, int position)
    {
        switch (op)
        {
            case "==": return JinjaValues.AreEqual(left, right);
            case "!=": return !JinjaValues.AreEqual(left, right);
            case "<" or ">" or "<=" or ">=":
                int order = JinjaValues.Compare(left, right)
                    ?? throw Error($"cannot compare a {JinjaValues.TypeName(left)} with a {JinjaValues.TypeName(right)} using {op}", position);
                return op switch { "<" => order < 0, ">" => order > 0, "<=" => order <= 0, _ => order >= 0 };
            case "in": return Contains(right, left, position);
            case "~": return JinjaValues.ToStr(left) + JinjaValues.ToStr(right);
            case "+": return Add(left, right, position);
            default: return Arithmetic(op, left, right, position);
        }
    }

    public static bool Contains(object? container, object? item, int position) => container switch
    {
        string s when item is string part => s.Contains(part, StringComparison.Ordinal),
        IList<object?> list => list.Any(x => JinjaValues.AreEqual(x, item)),
        IDictionary<string, object?> dict => item is string key && dict.ContainsKey(key),
        JinjaNamespace ns => item is string key && ns.Values.ContainsKey(key),
        _ => throw Error($"cannot test membership in a {JinjaValues.TypeName(container)}", position),
    };

    static object? Add(object? left, object? right, int position) => (left, right) switch
    {
        (string a, string b) => a + b,
        (IList<object?> a, IList<object?> b) => a.Concat(b).ToList(),
        (bool or long or double, bool or long or double) when left is double || right is double => JinjaValues.ToDouble(left) + JinjaValues.ToDouble(right),
        (bool or long, bool or long) => (object)((long)JinjaValues.ToDouble(left) + (long)JinjaValues.ToDouble(right)),
        _ => throw Error($"cannot add a {JinjaValues.TypeName(left)} and a {JinjaValues.TypeName(right)} (use ~ to join as text)", position),
    };

    static object? Arithmetic(string op, object? left, object? right, int position)
    {
        if (op == "*" && left is string s && right is long n) return string.Concat(Enumerable.Repeat(s, (int)Math.Max(0, n)));
        if (op == "*" && left is IList<object?> list && right is long times) return Enumerable.Repeat(list, (int)Math.Max(0, times)).SelectMany(x => x).ToList();
        if (left is not (bool or long or double) || right is not (bool or long or double))
            throw Error($"cannot apply {op} to a {JinjaValues.TypeName(left)} and a {JinjaValues.TypeName(right)}", position);

        bool integers = left is not double && right is not double;
        double a = JinjaValues.ToDouble(left), b = JinjaValues.ToDouble(right);
        if (op is "/" or "//" or "%" && b == 0) throw Error("division by zero", position);
        return op switch
        {
            "-" => integers ? (object)((long)a - (long)b) : a - b,
            "*" => integers ? (object)((long)a * (long)b) : a * b,
            "/" => a / b,
            "//" => integers ? (object)(long)Math.Floor(a / b) : Math.Floor(a / b),
            "%" => integers ? (object)(long)(a - b * Math.Floor(a / b)) : a - b * Math.Floor(a / b),
            "**" => integers && b >= 0 ? (object)(long)Math.Pow(a, b) : Math.Pow(a, b),
            _ => throw Error($"unsupported operator {op}", position),
        };
    }

    static JinjaException Error(string message, int position) => new(message, position);
}
