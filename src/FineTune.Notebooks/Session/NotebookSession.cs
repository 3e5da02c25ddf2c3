using System.Diagnostics;
using FineTune.Kernel.Notebook;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace FineTune.Notebooks.Session;

/// <summary>
/// One notebook's C# session, as the .NET Interactive C# kernel runs it: cells execute in order with
/// Roslyn scripting and share one continuing script state (variables, types and usings of earlier cells
/// stay visible), in the notebook's folder. Each cell's stdout, stderr, displayed values and trailing
/// value are captured as outputs. The session knows nothing of files: the .ipynb runner drives it, and
/// so could an interactive front end.
/// </summary>
public sealed class NotebookSession : IDisposable
{
    static readonly string[] DefaultImports = ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks"];

    /// <summary>The whole shared framework, as the C# kernel references it (System.Linq, System.Text.Json, ...).</summary>
    static readonly Lazy<MetadataReference[]> FrameworkAssemblies = new(() =>
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetDirectoryName(path) == runtime)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    });

    readonly string directory;
    readonly string name;
    readonly List<CellOutputs> cells = [];
    readonly SessionDisplay display;
    readonly ScriptGlobals globals;
    readonly ScriptOptions options;
    readonly string previousDirectory = Environment.CurrentDirectory;
    readonly IDisplaySink? previousGlobalSink = Display.Sink;
    ScriptState<object>? state;
    int executionCount;

    /// <summary>A new session whose cells run in <paramref name="workingDirectory"/>; <paramref name="name"/> names cells in errors.</summary>
    public NotebookSession(string workingDirectory, string name = "notebook")
    {
        directory = Path.GetFullPath(workingDirectory);
        this.name = name;
        display = new SessionDisplay(() => cells[^1], () => cells);
        globals = new ScriptGlobals(display);
        options = ScriptOptions.Default
            .WithReferences(FrameworkAssemblies.Value)
            .WithImports(DefaultImports)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithEmitDebugInformation(true);
    }

    /// <summary>
    /// Runs one cell and returns its outputs, duration and error (if it failed). <paramref name="label"/>
    /// names the cell in the error's first traceback line ("cell 4" by default: the execution count).
    /// </summary>
    public async Task<CellResult> RunCellAsync(string code, string? label = null)
    {
        var outputs = new CellOutputs();
        cells.Add(outputs);
        int count = ++executionCount;
        var clock = Stopwatch.StartNew();
        ErrorOutput? error;
        Directory.SetCurrentDirectory(directory);
        using (ConsoleRouting.CaptureInto(outputs))
        using (Display.UseFor(display))
        {
            error = await ExecuteAsync(code, count, outputs);
        }
        clock.Stop();
        if (error is not null)
        {
            string where = error.Line is { } line ? $"{label ?? $"cell {count}"}, line {line}" : label ?? $"cell {count}";
            error = error with { Traceback = [$"{where}: {error.Name}: {error.Message.Split('\n')[0]}", .. error.Traceback] };
            outputs.Add(error);
        }
        return new CellResult(count, outputs, clock.Elapsed, error);
    }

    async Task<ErrorOutput?> ExecuteAsync(string code, int count, CellOutputs outputs)
    {
        Directives directives;
        try { directives = Directives.Parse(code, directory, RunnerPackages.Current); }
        catch (DirectiveException e) { return new ErrorOutput("DirectiveError", e.Message, e.Line, [$"line {e.Line}: {e.Message}"]); }

        string cellFile = Path.Combine(directory, $"{name}.cell{count}.csx");
        var cellOptions = options.WithFilePath(cellFile).AddReferences(directives.RunnerAssemblies);
        var script = state is null
            ? CSharpScript.Create(directives.Code, cellOptions, typeof(ScriptGlobals))
            : state.Script.ContinueWith(directives.Code, cellOptions);

        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) return CompilationError(errors);

        var clock = Stopwatch.StartNew();
        var next = state is null
            ? await script.RunAsync(globals, catchException: _ => true)
            : await script.RunFromAsync(state, catchException: _ => true);
        if (directives.Time) Console.WriteLine($"Wall time: {clock.Elapsed.TotalMilliseconds:F1}ms");
        if (next.Exception is { } exception) return RuntimeError(exception, cellFile);

        state = next;
        if (next.ReturnValue is { } value && HasValue(script))
            outputs.Add(new ResultOutput(count, ValueFormatter.Format(value)));
        return null;
    }

    /// <summary>True when the cell ends in an expression with a value (no semicolon), as the C# kernel shows it.</summary>
    static bool HasValue(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetCompilationUnitRoot().Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    static ErrorOutput CompilationError(List<Diagnostic> errors)
    {
        var lines = errors.Select(d => $"({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): error {d.Id}: {d.GetMessage()}").ToList();
        int line = errors[0].Location.GetLineSpan().StartLinePosition.Line + 1;
        return new ErrorOutput("CompilationError", string.Join(Environment.NewLine, lines), line, lines);
    }

    static ErrorOutput RuntimeError(Exception exception, string cellFile)
    {
        if (exception is System.Reflection.TargetInvocationException { InnerException: { } inner }) exception = inner;
        int? line = new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetFileName() == cellFile && f.GetFileLineNumber() > 0)?.GetFileLineNumber();
        var traceback = exception.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        return new ErrorOutput(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, line, traceback);
    }

    /// <summary>Restores the process's working directory and display host as they were before the session.</summary>
    public void Dispose()
    {
        Directory.SetCurrentDirectory(previousDirectory);
        Display.Sink = previousGlobalSink; // a notebook's Display.Use(...) must not outlive it
    }
}
