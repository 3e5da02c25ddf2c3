namespace FineTune.Kernel.Text.Jinja;

/// <summary>
/// Parses the segments of a template into statements and expressions, with Jinja's operator precedence.
/// Supported: if/elif/else, for (with else, an if filter, tuple targets, loop.*), set (names, namespace
/// attributes, blocks), macro, break, continue, raw, generation; every other tag is refused by name.
/// </summary>
sealed class JinjaParser
{
    static readonly string[] EndTags = ["elif", "else", "endif", "endfor", "endset", "endmacro", "endgeneration"];

    readonly List<JinjaSegment> segments;
    int segment;
    List<JinjaToken> tokens = [];
    int token;

    JinjaParser(List<JinjaSegment> segments) => this.segments = segments;

    public static List<Statement> Parse(string template)
    {
        var parser = new JinjaParser(new JinjaLexer(template).Segments());
        var body = parser.Block(out var end);
        if (end is not null) throw new JinjaException($"unexpected {{% {end.Value.Text} %}}", end.Value.Position);
        return body;
    }

    /// <summary>Statements up to an end tag (elif, else, endfor, ...) or the end of the template; the end tag is returned.</summary>
    List<Statement> Block(out JinjaToken? endTag)
    {
        var body = new List<Statement>();
        endTag = null;
        for (; segment < segments.Count; segment++)
        {
            switch (segments[segment])
            {
                case TextSegment text: body.Add(new TextStatement(text.Text, text.Position)); break;
                case OutputSegment output:
                    Begin(output.Tokens);
                    body.Add(new OutputStatement(Expression(), output.Position));
                    ExpectEnd();
                    break;
                case StatementSegment statement:
                    Begin(statement.Tokens);
                    var keyword = Next();
                    if (keyword.Kind != JinjaTokenKind.Name) throw Unexpected(keyword, "a tag name");
                    if (EndTags.Contains(keyword.Text)) { endTag = keyword; return body; }
                    if (Statement(keyword) is { } parsed) body.Add(parsed);
                    break;
            }
        }
        return body;
    }

    Statement? Statement(JinjaToken keyword)
    {
        switch (keyword.Text)
        {
            case "if": return If(keyword.Position);
            case "for": return For(keyword.Position);
            case "set": return Set(keyword.Position);
            case "macro": return Macro(keyword.Position);
            case "break": ExpectEnd(); return new BreakStatement(keyword.Position);
            case "continue": ExpectEnd(); return new ContinueStatement(keyword.Position);
            case "generation":
                // transformers' {% generation %} marks assistant text for return_assistant_tokens_mask; it renders as its body.
                ExpectEnd();
                var body = BodyUntil("endgeneration", keyword.Position);
                return new IfStatement([(new Literal(true, keyword.Position), body)], [], keyword.Position);
            default:
                throw new JinjaException($"unsupported construct {{% {keyword.Text} %}}", keyword.Position);
        }
    }

    IfStatement If(int position)
    {
        var branches = new List<(Expression, List<Statement>)>();
        var condition = Expression();
        ExpectEnd();
        while (true)
        {
            segment++;
            var body = Block(out var end);
            branches.Add((condition, body));
            if (end is null) throw new JinjaException("{% if %} is never closed by {% endif %}", position);
            if (end.Value.Text == "elif") { condition = Expression(); ExpectEnd(); continue; }
            if (end.Value.Text == "else")
            {
                ExpectEnd();
                var elseBody = BodyUntil("endif", position);
                return new IfStatement(branches, elseBody, position);
            }
            if (end.Value.Text != "endif") throw Unexpected(end.Value, "{% endif %}");
            ExpectEnd();
            return new IfStatement(branches, [], position);
        }
    }

    ForStatement For(int position)
    {
        var targets = new List<string> { ExpectName() };
        while (Accept(",")) targets.Add(ExpectName());
        if (Next() is not { Kind: JinjaTokenKind.Name, Text: "in" } inToken) throw Unexpected(tokens[token - 1], "'in'");
        var iterable = Expression(allowConditional: false);
        Expression? filter = null;
        if (AcceptName("if")) filter = Expression(allowConditional: false);
        if (AcceptName("recursive")) throw new JinjaException("unsupported construct: recursive for loops", inToken.Position);
        ExpectEnd();
        segment++;
        var body = Block(out var end);
        List<Statement> elseBody = [];
        if (end?.Text == "else")
        {
            ExpectEnd();
            elseBody = BodyUntil("endfor", position);
        }
        else if (end?.Text != "endfor") throw new JinjaException("{% for %} is never closed by {% endfor %}", position);
        else ExpectEnd();
        return new ForStatement(targets, iterable, filter, body, elseBody, position);
    }

    Statement Set(int position)
    {
        var targets = new List<Expression> { Primary(postfix: true) };
        while (Accept(",")) targets.Add(Primary(postfix: true));
        foreach (var target in targets)
            if (target is not (Name or Attribute { Target: Name })) throw new JinjaException("{% set %} can assign to names or namespace attributes only", target.Position);
        if (Peek().Kind == JinjaTokenKind.End && targets is [Name block])
        {
            ExpectEnd();
            return new SetBlockStatement(block.Identifier, BodyUntil("endset", position), position);
        }
        Expect("=");
        var value = Expression();
        if (targets.Count > 1 && Accept(","))
        {
            var items = new List<Expression> { value, Expression() };
            while (Accept(",")) items.Add(Expression());
            value = new ListExpression(items, IsTuple: true, value.Position);
        }
        ExpectEnd();
        return new SetStatement(targets, value, position);
    }

    MacroStatement Macro(int position)
    {
        string name = ExpectName();
        Expect("(");
        var parameters = new List<(string, Expression?)>();
        while (!Accept(")"))
        {
            string parameter = ExpectName();
            parameters.Add((parameter, Accept("=") ? Expression() : null));
            if (!Accept(",")) { Expect(")"); break; }
        }
        ExpectEnd();
        return new MacroStatement(name, parameters, BodyUntil("endmacro", position), position);
    }

    List<Statement> BodyUntil(string endTag, int position)
    {
        segment++;
        var body = Block(out var end);
        if (end?.Text != endTag) throw new JinjaException($"expected {{% {endTag} %}} to close the tag opened here", end?.Position ?? position);
        ExpectEnd();
        return body;
    }

    // ---- expressions, lowest precedence first ----

    Expression Expression(bool allowConditional = true)
    {
        var value = Or();
        if (!allowConditional || !AcceptName("if")) return value;
        var condition = Or();
        Expression? otherwise = AcceptName("else") ? Expression() : null;
        return new Conditional(condition, value, otherwise, value.Position);
    }

    Expression Or() => LeftToRight(And, JinjaTokenKind.Name, "or");

    Expression And() => LeftToRight(Not, JinjaTokenKind.Name, "and");

    Expression Not()
    {
        if (Peek() is not { Kind: JinjaTokenKind.Name, Text: "not" } op) return Compare();
        token++;
        return new Unary("not", Not(), op.Position);
    }

    Expression Compare()
    {
        var left = Sum();
        while (true)
        {
            var op = Peek();
            if (op.Kind == JinjaTokenKind.Operator && op.Text is "==" or "!=" or "<" or ">" or "<=" or ">=") { token++; left = new Binary(op.Text, left, Sum(), op.Position); }
            else if (op is { Kind: JinjaTokenKind.Name, Text: "in" }) { token++; left = new Binary("in", left, Sum(), op.Position); }
            else if (op is { Kind: JinjaTokenKind.Name, Text: "not" } && PeekAt(1) is { Kind: JinjaTokenKind.Name, Text: "in" })
            {
                token += 2;
                left = new Unary("not", new Binary("in", left, Sum(), op.Position), op.Position);
            }
            else return left;
        }
    }

    Expression Sum() => LeftToRight(Concat, JinjaTokenKind.Operator, "+", "-");

    Expression Concat() => LeftToRight(Product, JinjaTokenKind.Operator, "~");

    Expression Product() => LeftToRight(Power, JinjaTokenKind.Operator, "*", "/", "//", "%");

    Expression Power() => LeftToRight(UnaryExpression, JinjaTokenKind.Operator, "**");

    /// <summary>One precedence level of left-associative binary operators over the next-tighter level.</summary>
    Expression LeftToRight(Func<Expression> operand, JinjaTokenKind kind, params string[] operators)
    {
        var left = operand();
        while (Peek() is var op && op.Kind == kind && operators.Contains(op.Text))
        {
            token++;
            left = new Binary(op.Text, left, operand(), op.Position);
        }
        return left;
    }

    Expression UnaryExpression()
    {
        if (Peek() is { Kind: JinjaTokenKind.Operator, Text: "-" or "+" } op)
        {
            token++;
            return FiltersAndTests(new Unary(op.Text, UnaryExpression(), op.Position));
        }
        return FiltersAndTests(Primary(postfix: true));
    }

    /// <summary>"| filter(args)" and "is [not] test" after a value, left to right.</summary>
    Expression FiltersAndTests(Expression value)
    {
        while (true)
        {
            if (Accept("|"))
            {
                var name = Next();
                if (name.Kind != JinjaTokenKind.Name) throw Unexpected(name, "a filter name");
                var (arguments, keywords) = Peek().Text == "(" && Peek().Kind == JinjaTokenKind.Operator ? Arguments() : ([], []);
                value = new Filter(value, name.Text, arguments, keywords, name.Position);
            }
            else if (AcceptName("is"))
            {
                bool negated = AcceptName("not");
                var name = Next();
                if (name.Kind != JinjaTokenKind.Name) throw Unexpected(name, "a test name");
                List<Expression> arguments = [];
                if (Peek() is { Kind: JinjaTokenKind.Operator, Text: "(" }) arguments = Arguments().Positional;
                else if (Peek().Kind is JinjaTokenKind.String or JinjaTokenKind.Integer or JinjaTokenKind.Float ||
                         Peek() is { Kind: JinjaTokenKind.Name, Text: not ("and" or "or" or "else" or "if" or "in" or "is" or "not") })
                    arguments = [Primary(postfix: true)];
                value = new Test(value, name.Text, arguments, negated, name.Position);
            }
            else return value;
        }
    }

    Expression Primary(bool postfix)
    {
        var t = Next();
        Expression value = t.Kind switch
        {
            JinjaTokenKind.String => Strings(t),
            JinjaTokenKind.Integer or JinjaTokenKind.Float => new Literal(t.Value, t.Position),
            JinjaTokenKind.Name => t.Text switch
            {
                "true" or "True" => new Literal(true, t.Position),
                "false" or "False" => new Literal(false, t.Position),
                "none" or "None" => new Literal(null, t.Position),
                _ => new Name(t.Text, t.Position),
            },
            JinjaTokenKind.Operator when t.Text == "(" => Parenthesized(t.Position),
            JinjaTokenKind.Operator when t.Text == "[" => new ListExpression(Items("]"), false, t.Position),
            JinjaTokenKind.Operator when t.Text == "{" => Dict(t.Position),
            _ => throw Unexpected(t, "a value"),
        };
        return postfix ? Postfix(value) : value;
    }

    /// <summary>Adjacent string literals join, as in Python.</summary>
    Literal Strings(JinjaToken first)
    {
        string text = (string)first.Value!;
        while (Peek().Kind == JinjaTokenKind.String) text += (string)Next().Value!;
        return new Literal(text, first.Position);
    }

    Expression Parenthesized(int position)
    {
        if (Accept(")")) return new ListExpression([], true, position);
        var first = Expression();
        if (Accept(")")) return first;
        Expect(",");
        var items = new List<Expression> { first };
        items.AddRange(Items(")"));
        return new ListExpression(items, true, position);
    }

    List<Expression> Items(string close)
    {
        var items = new List<Expression>();
        while (!Accept(close))
        {
            items.Add(Expression());
            if (!Accept(",")) { Expect(close); break; }
        }
        return items;
    }

    DictExpression Dict(int position)
    {
        var items = new List<(Expression, Expression)>();
        while (!Accept("}"))
        {
            var key = Expression();
            Expect(":");
            items.Add((key, Expression()));
            if (!Accept(",")) { Expect("}"); break; }
        }
        return new DictExpression(items, position);
    }

    Expression Postfix(Expression value)
    {
        while (true)
        {
            var t = Peek();
            if (t.Kind != JinjaTokenKind.Operator) return value;
            if (t.Text == ".")
            {
                token++;
                var name = Next();
                if (name.Kind is not (JinjaTokenKind.Name or JinjaTokenKind.Integer)) throw Unexpected(name, "an attribute name");
                value = name.Kind == JinjaTokenKind.Integer ? new Index(value, new Literal(name.Value, name.Position), name.Position) : new Attribute(value, name.Text, name.Position);
            }
            else if (t.Text == "[") { token++; value = Subscript(value, t.Position); }
            else if (t.Text == "(")
            {
                var (arguments, keywords) = Arguments();
                value = new Call(value, arguments, keywords, t.Position);
            }
            else return value;
        }
    }

    Expression Subscript(Expression target, int position)
    {
        Expression? start = Peek().Text == ":" && Peek().Kind == JinjaTokenKind.Operator ? null : Expression();
        if (Accept("]")) return new Index(target, start!, position);
        Expect(":");
        Expression? stop = Peek() is { Kind: JinjaTokenKind.Operator, Text: "]" or ":" } ? null : Expression();
        Expression? step = null;
        if (Accept(":") && Peek() is not { Kind: JinjaTokenKind.Operator, Text: "]" }) step = Expression();
        Expect("]");
        return new Slice(target, start, stop, step, position);
    }

    (List<Expression> Positional, List<(string, Expression)> Keywords) Arguments()
    {
        Expect("(");
        var positional = new List<Expression>();
        var keywords = new List<(string, Expression)>();
        while (!Accept(")"))
        {
            if (Peek().Kind == JinjaTokenKind.Name && PeekAt(1) is { Kind: JinjaTokenKind.Operator, Text: "=" })
            {
                string name = Next().Text;
                token++;
                keywords.Add((name, Expression()));
            }
            else positional.Add(Expression());
            if (!Accept(",")) { Expect(")"); break; }
        }
        return (positional, keywords);
    }

    // ---- token helpers ----

    void Begin(List<JinjaToken> segmentTokens)
    {
        tokens = segmentTokens;
        token = 0;
    }

    JinjaToken Peek() => tokens[token];

    JinjaToken PeekAt(int ahead) => tokens[Math.Min(token + ahead, tokens.Count - 1)];

    JinjaToken Next()
    {
        var t = tokens[token];
        if (t.Kind != JinjaTokenKind.End) token++;
        return t;
    }

    bool Accept(string op)
    {
        if (Peek() is not { Kind: JinjaTokenKind.Operator } t || t.Text != op) return false;
        token++;
        return true;
    }

    bool AcceptName(string name)
    {
        if (Peek() is not { Kind: JinjaTokenKind.Name } t || t.Text != name) return false;
        token++;
        return true;
    }

    void Expect(string op)
    {
        if (!Accept(op)) throw Unexpected(Peek(), $"'{op}'");
    }

    string ExpectName()
    {
        var t = Next();
        return t.Kind == JinjaTokenKind.Name ? t.Text : throw Unexpected(t, "a name");
    }

    void ExpectEnd()
    {
        if (Peek().Kind != JinjaTokenKind.End) throw Unexpected(Peek(), "the end of the tag");
    }

    static JinjaException Unexpected(JinjaToken t, string expected) =>
        new($"expected {expected}, found {(t.Kind == JinjaTokenKind.End ? "the end of the tag" : $"'{t.Text}'")}", t.Position);
}
