namespace FineTune.Kernel.Text.Jinja;

/// <summary>A template statement: text, output, or a control structure. Position is a character index into the template.</summary>
abstract record Statement(int Position);
sealed record TextStatement(string Text, int Position) : Statement(Position);
sealed record OutputStatement(Expression Value, int Position) : Statement(Position);
sealed record IfStatement(List<(Expression Condition, List<Statement> Body)> Branches, List<Statement> Else, int Position) : Statement(Position);
sealed record ForStatement(List<string> Targets, Expression Iterable, Expression? Filter, List<Statement> Body, List<Statement> Else, int Position) : Statement(Position);
sealed record SetStatement(List<Expression> Targets, Expression Value, int Position) : Statement(Position);
sealed record SetBlockStatement(string Name, List<Statement> Body, int Position) : Statement(Position);
sealed record MacroStatement(string Name, List<(string Name, Expression? Default)> Parameters, List<Statement> Body, int Position) : Statement(Position);
sealed record BreakStatement(int Position) : Statement(Position);
sealed record ContinueStatement(int Position) : Statement(Position);

/// <summary>An expression inside a tag.</summary>
abstract record Expression(int Position);
sealed record Literal(object? Value, int Position) : Expression(Position);
sealed record Name(string Identifier, int Position) : Expression(Position);
sealed record ListExpression(List<Expression> Items, bool IsTuple, int Position) : Expression(Position);
sealed record DictExpression(List<(Expression Key, Expression Value)> Items, int Position) : Expression(Position);
sealed record Attribute(Expression Target, string Name, int Position) : Expression(Position);
sealed record Index(Expression Target, Expression Key, int Position) : Expression(Position);
sealed record Slice(Expression Target, Expression? Start, Expression? Stop, Expression? Step, int Position) : Expression(Position);
sealed record Call(Expression Callee, List<Expression> Arguments, List<(string Name, Expression Value)> Keywords, int Position) : Expression(Position);
sealed record Filter(Expression Value, string Name, List<Expression> Arguments, List<(string Name, Expression Value)> Keywords, int Position) : Expression(Position);
sealed record Test(Expression Value, string Name, List<Expression> Arguments, bool Negated, int Position) : Expression(Position);
sealed record Unary(string Operator, Expression Operand, int Position) : Expression(Position);
sealed record Binary(string Operator, Expression Left, Expression Right, int Position) : Expression(Position);
sealed record Conditional(Expression Condition, Expression Then, Expression? Else, int Position) : Expression(Position);
