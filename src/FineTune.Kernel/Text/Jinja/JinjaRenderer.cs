using System.Text;

namespace FineTune.Kernel.Text.Jinja;

/// <summary>
/// Runs a parsed template: statements write to the output, expressions are evaluated with Python's
/// semantics (as Jinja does), filters, tests and string/dict methods come from
/// <see cref="JinjaFilters"/>, <see cref="JinjaIsTests"/> and <see cref="JinjaMethods"/>.
/// </summary>
sealed class JinjaRenderer
{
    enum Flow { Normal, Break, Continue }

    readonly Stack<StringBuilder> outputs = new();
    JinjaScope scope;

    JinjaRenderer(JinjaScope globals) => scope = globals;

    public static string Render(List<Statement> template, IReadOnlyDictionary<string, object?> variables)
    {
        var globals = new JinjaScope(null);
        foreach (var (name, value) in JinjaFunctions.Globals()) globals.Set(name, value);
        foreach (var (name, value) in variables) globals.Set(name, value);
        var renderer = new JinjaRenderer(new JinjaScope(globals));
        return renderer.Capture(template);
    }

    string Capture(List<Statement> body)
    {
        outputs.Push(new StringBuilder());
        Execute(body);
        return outputs.Pop().ToString();
    }

    Flow Execute(List<Statement> body)
    {
        foreach (var statement in body)
        {
            var flow = Execute(statement);
            if (flow != Flow.Normal) return flow;
        }
        return Flow.Normal;
    }

    Flow Execute(Statement statement)
    {
        switch (statement)
        {
            case TextStatement text: outputs.Peek().Append(text.Text); return Flow.Normal;
            case OutputStatement output: outputs.Peek().Append(JinjaValues.ToStr(Evaluate(output.Value))); return Flow.Normal;
            case IfStatement branches:
                foreach (var (condition, body) in branches.Branches)
                    if (JinjaValues.IsTrue(Evaluate(condition))) return Execute(body);
                return Execute(branches.Else);
            case ForStatement loop: return For(loop);
            case SetStatement set: Assign(set.Targets, Evaluate(set.Value), set.Position); return Flow.Normal;
            case SetBlockStatement block: scope.Set(block.Name, Capture(block.Body)); return Flow.Normal;
            case MacroStatement macro: scope.Set(macro.Name, new JinjaMacro(macro, scope)); return Flow.Normal;
            case BreakStatement: return Flow.Break;
            case ContinueStatement: return Flow.Continue;
            default: throw new JinjaException($"cannot run {statement.GetType().Name}", statement.Position);
        }
    }

    Flow For(ForStatement loop)
    {
        var value = Evaluate(loop.Iterable);
        var items = JinjaValues.Items(value) ?? throw new JinjaException($"cannot loop over a {JinjaValues.TypeName(value)}", loop.Iterable.Position);
        if (loop.Filter is not null) items = items.Where(item => InLoopScope(loop, item, null, () => JinjaValues.IsTrue(Evaluate(loop.Filter)))).ToList();
        if (items.Count == 0) return Execute(loop.Else);

        var state = new JinjaLoop(items);
        for (int i = 0; i < items.Count; i++)
        {
            state.Index0 = i;
            var flow = InLoopScope(loop, items[i], state, () => Execute(loop.Body));
            if (flow == Flow.Break) break;
        }
        return Flow.Normal;
    }

    /// <summary>Runs <paramref name="action"/> in a fresh scope with the loop targets bound (assignments inside do not leak out).</summary>
    T InLoopScope<T>(ForStatement loop, object? item, JinjaLoop? state, Func<T> action)
    {
        var outer = scope;
        scope = new JinjaScope(outer);
        try
        {
            if (state is not null) scope.Set("loop", state);
            Bind(loop.Targets, item, loop.Position);
            return action();
        }
        finally { scope = outer; }
    }

    void Bind(List<string> targets, object? item, int position)
    {
        if (targets.Count == 1) { scope.Set(targets[0], item); return; }
        if (item is not IList<object?> values || values.Count != targets.Count)
            throw new JinjaException($"cannot unpack a {JinjaValues.TypeName(item)} into {targets.Count} names", position);
        for (int i = 0; i < targets.Count; i++) scope.Set(targets[i], values[i]);
    }

    void Assign(List<Expression> targets, object? value, int position)
    {
        if (targets.Count > 1)
        {
            if (value is not IList<object?> values || values.Count != targets.Count)
                throw new JinjaException($"cannot unpack a {JinjaValues.TypeName(value)} into {targets.Count} names", position);
            for (int i = 0; i < targets.Count; i++) Assign([targets[i]], values[i], position);
            return;
        }
        switch (targets[0])
        {
            case Name name: scope.Set(name.Identifier, value); break;
            case Attribute { Target: Name owner } attribute:
                if (Evaluate(owner) is not JinjaNamespace ns)
                    throw new JinjaException($"cannot set attribute '{attribute.Name}': '{owner.Identifier}' is not a namespace()", attribute.Position);
                ns.Values[attribute.Name] = value;
                break;
        }
    }

    public object? Evaluate(Expression expression) => expression switch
    {
        Literal literal => literal.Value,
        Name name => scope.TryGet(name.Identifier, out var value) ? value : Undefined.Value,
        ListExpression list => list.Items.Select(Evaluate).ToList(),
        DictExpression dict => Dict(dict),
        Attribute attribute => GetAttribute(Evaluate(attribute.Target), attribute.Name, attribute.Position),
        Index index => GetItem(Evaluate(index.Target), Evaluate(index.Key), index.Position),
        Slice slice => JinjaMethods.Slice(Evaluate(slice.Target), Optional(slice.Start), Optional(slice.Stop), Optional(slice.Step), slice.Position),
        Call call => Call(call),
        Filter filter => JinjaFilters.Apply(this, filter.Name, Evaluate(filter.Value),
            filter.Arguments.Select(Evaluate).ToList(), Keywords(filter.Keywords), filter.Position),
        Test test => JinjaIsTests.Apply(test.Name, Evaluate(test.Value), test.Arguments.Select(Evaluate).ToList(), test.Position) != test.Negated,
        Unary unary => Unary(unary),
        Binary binary => Binary(binary),
        Conditional conditional => JinjaValues.IsTrue(Evaluate(conditional.Condition))
            ? Evaluate(conditional.Then)
            : conditional.Else is null ? Undefined.Value : Evaluate(conditional.Else),
        _ => throw new JinjaException($"cannot evaluate {expression.GetType().Name}", expression.Position),
    };

    object? Optional(Expression? e) => e is null ? null : Evaluate(e);

    Dictionary<string, object?> Keywords(List<(string Name, Expression Value)> keywords) =>
        keywords.ToDictionary(k => k.Name, k => Evaluate(k.Value));

    OrderedDictionary<string, object?> Dict(DictExpression dict)
    {
        var result = new OrderedDictionary<string, object?>();
        foreach (var (key, value) in dict.Items)
            result[Evaluate(key) as string ?? throw new JinjaException("dictionary keys must be strings", key.Position)] = Evaluate(value);
        return result;
    }

    public static object? GetAttribute(object? target, string name, int position) => target switch
    {
        Undefined => throw new JinjaException($"cannot read attribute '{name}' of an undefined value", position),
        IDictionary<string, object?> dict => (object?)JinjaMethods.Method(dict, name) ?? (dict.TryGetValue(name, out var v) ? v : Undefined.Value),
        JinjaNamespace ns => ns.Values.TryGetValue(name, out var v) ? v : Undefined.Value,
        JinjaLoop loop => loop.Attribute(name),
        _ => (object?)JinjaMethods.Method(target, name) ?? Undefined.Value,
    };

    public static object? GetItem(object? target, object? key, int position)
    {
        switch (target, key)
        {
            case (Undefined, _): throw new JinjaException($"cannot index an undefined value with {JinjaValues.Repr(key)}", position);
            case (IDictionary<string, object?> dict, string name): return dict.TryGetValue(name, out var v) ? v : (object?)JinjaMethods.Method(dict, name) ?? Undefined.Value;
            case (JinjaNamespace ns, string name): return ns.Values.TryGetValue(name, out var value) ? value : Undefined.Value;
            case (JinjaLoop loop, string name): return loop.Attribute(name);
            case (IList<object?> list, long i): return i < -list.Count || i >= list.Count ? Undefined.Value : list[(int)(i < 0 ? i + list.Count : i)];
            case (string s, long i):
                var chars = s.EnumerateRunes().Select(r => r.ToString()).ToList();
                return i < -chars.Count || i >= chars.Count ? Undefined.Value : chars[(int)(i < 0 ? i + chars.Count : i)];
            case (_, string name): return GetAttribute(target, name, position);
            default: return Undefined.Value;
        }
    }

    object? Call(Call call)
    {
        var callee = Evaluate(call.Callee);
        var arguments = call.Arguments.Select(Evaluate).ToList();
        var keywords = Keywords(call.Keywords);
        return callee switch
        {
            JinjaMacro macro => CallMacro(macro, arguments, keywords, call.Position),
            JinjaFunction function => Invoke(function, arguments, keywords, call.Position),
            Undefined => throw new JinjaException($"'{Describe(call.Callee)}' is undefined and cannot be called", call.Position),
            _ => throw new JinjaException($"a {JinjaValues.TypeName(callee)} cannot be called", call.Position),
        };
    }

    static object? Invoke(JinjaFunction function, List<object?> arguments, Dictionary<string, object?> keywords, int position)
    {
        try { return function.Invoke(arguments, keywords); }
        catch (JinjaException e) when (e.Position < 0) { throw new JinjaException(e.Message, position, e.RaisedByTemplate); }
    }

    string CallMacro(JinjaMacro macro, List<object?> arguments, Dictionary<string, object?> keywords, int position)
    {
        var parameters = macro.Definition.Parameters;
        if (arguments.Count > parameters.Count)
            throw new JinjaException($"macro '{macro.Definition.Name}' takes {parameters.Count} arguments, got {arguments.Count}", position);
        var outer = scope;
        scope = new JinjaScope(macro.Closure);
        try
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                var (name, fallback) = parameters[i];
                object? value = i < arguments.Count ? arguments[i]
                    : keywords.TryGetValue(name, out var k) ? k
                    : fallback is null ? Undefined.Value : Evaluate(fallback);
                scope.Set(name, value);
            }
            return Capture(macro.Definition.Body);
        }
        finally { scope = outer; }
    }

    static string Describe(Expression e) => e switch
    {
        Name name => name.Identifier,
        Attribute attribute => $"{Describe(attribute.Target)}.{attribute.Name}",
        _ => e.GetType().Name,
    };

    object? Unary(Unary unary)
    {
        var value = Evaluate(unary.Operand);
        return unary.Operator switch
        {
            "not" => !JinjaValues.IsTrue(value),
            "-" => value switch
            {
                long l => (object)-l,
                double d => -d,
                bool b => b ? -1L : 0L,
                _ => throw new JinjaException($"cannot negate a {JinjaValues.TypeName(value)}", unary.Position),
            },
            _ => value is long or double ? value : throw new JinjaException($"cannot apply + to a {JinjaValues.TypeName(value)}", unary.Position),
        };
    }

    object? Binary(Binary binary)
    {
        if (binary.Operator == "and")
        {
            var left = Evaluate(binary.Left);
            return JinjaValues.IsTrue(left) ? Evaluate(binary.Right) : left;
        }
        if (binary.Operator == "or")
        {
            var left = Evaluate(binary.Left);
            return JinjaValues.IsTrue(left) ? left : Evaluate(binary.Right);
        }
        return JinjaOperators.Apply(binary.Operator, Evaluate(binary.Left), Evaluate(binary.Right), binary.Position);
    }
}
