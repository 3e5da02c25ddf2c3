namespace FineTune.Kernel.Text.Jinja;

/// <summary>Jinja's tests, as in "x is defined", "x is string", "n is divisibleby 3".</summary>
static class JinjaIsTests
{
    public static bool Apply(string name, object? value, List<object?> args, int position)
    {
        object? arg = args.ElementAtOrDefault(0);
        return name switch
        {
            "defined" => value is not Undefined,
            "undefined" => value is Undefined,
            "none" => value is null,
            "string" => value is string,
            "number" => value is long or double,
            "integer" => value is long,
            "float" => value is double,
            "boolean" => value is bool,
            "true" => value is true,
            "false" => value is false,
            "mapping" => value is IDictionary<string, object?>,
            "iterable" => value is string or IList<object?> or IDictionary<string, object?> or Undefined,
            "sequence" => value is string or IList<object?> or IDictionary<string, object?>,
            "callable" => value is JinjaMacro or JinjaFunction,
            "odd" => Integer(value, name, position) % 2 != 0,
            "even" => Integer(value, name, position) % 2 == 0,
            "divisibleby" => Integer(value, name, position) % Integer(arg, name, position) == 0,
            "eq" or "equalto" or "==" => JinjaValues.AreEqual(value, arg),
            "ne" or "!=" => !JinjaValues.AreEqual(value, arg),
            "lt" or "lessthan" or "<" => (bool)JinjaOperators.Apply("<", value, arg, position)!,
            "gt" or "greaterthan" or ">" => (bool)JinjaOperators.Apply(">", value, arg, position)!,
            "le" or "<=" => (bool)JinjaOperators.Apply("<=", value, arg, position)!,
            "ge" or ">=" => (bool)JinjaOperators.Apply(">=", value, arg, position)!,
            "in" => JinjaOperators.Contains(arg, value, position),
            "sameas" => value is bool or null ? Equals(value, arg) : ReferenceEquals(value, arg),
            "lower" => value is string s && s == s.ToLowerInvariant(),
            "upper" => value is string u && u == u.ToUpperInvariant(),
            _ => throw new JinjaException($"unsupported test '{name}'", position),
        };
    }

    static long Integer(object? value, string test, int position) =>
        value as long? ?? throw new JinjaException($"the '{test}' test needs an integer, got a {JinjaValues.TypeName(value)}", position);
}
