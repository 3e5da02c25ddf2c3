using System.Reflection;
using System.Text.RegularExpressions;

namespace FineTune.Notebooks.Session;

/// <summary>
/// The Polyglot directives a C# cell may start with, turned into what Roslyn scripting understands.
/// Directive lines become blank lines, so line numbers in errors still match the cell.
/// </summary>
sealed partial class Directives
{
    /// <summary>The cell's code with directives blanked out.</summary>
    public required string Code { get; init; }

    /// <summary>
    /// Assemblies the cell asked for that the runner already carries: packages named by
    /// <c>#r "nuget: ..."</c>, and DLLs named by <c>#r "path"</c> that the runner has loaded or can load
    /// itself (FineTune.Kernel.dll). Those bind to the runner's copy, never a second one, so static
    /// state such as <c>Display.Sink</c> and type identity are shared with the runner.
    /// </summary>
    public required IReadOnlyList<Assembly> RunnerAssemblies { get; init; }

    /// <summary>True when the cell asked for <c>#!time</c>.</summary>
    public required bool Time { get; init; }

    /// <summary>Reads the directives of <paramref name="code"/>; throws <see cref="DirectiveException"/> naming the line of one it cannot honour.</summary>
    public static Directives Parse(string code, string directory, RunnerPackages packages)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n');
        var assemblies = new List<Assembly>();
        bool time = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            int number = i + 1;
            if (line.StartsWith("#!"))
            {
                string magic = line.Split(' ', 2)[0];
                if (magic is "#!time") time = true;
                else if (magic is not ("#!csharp" or "#!c#" or "#!C#" or "#!cs"))
                    throw new DirectiveException(number, $"'{magic}' is not supported: finetune run executes C# cells and understands #!csharp, #!time, #r and #i.");
                lines[i] = "";
            }
            else if (NugetReference().Match(line) is { Success: true } nuget)
            {
                assemblies.AddRange(Resolve(nuget.Groups["name"].Value.Trim(), nuget.Groups["version"].Value.Trim(), number, packages));
                lines[i] = "";
            }
            else if (FileReference().Match(line) is { Success: true } file && RunnerCopyOf(file.Groups["path"].Value, directory, number) is { } assembly)
            {
                assemblies.Add(assembly);
                lines[i] = "";
            }
            else if (line.StartsWith("#i ") && line.Contains("\"nuget:"))
            {
                lines[i] = ""; // a package source: nothing to do, packages come from the runner itself
            }
        }
        return new Directives { Code = string.Join('\n', lines), RunnerAssemblies = assemblies, Time = time };
    }

    static IEnumerable<Assembly> Resolve(string name, string version, int line, RunnerPackages packages)
    {
        var package = packages.Find(name)
            ?? throw new DirectiveException(line, $"#r \"nuget: {name}\": {name} is not one of the runner's own packages, and finetune run does not download packages. Reference a built DLL with #r \"path/to.dll\" instead.");
        if (version.Length > 0 && !version.Contains('*') && version != package.Version)
            throw new DirectiveException(line, $"#r \"nuget: {name}, {version}\": the runner carries {name} {package.Version}, not {version}.");
        return packages.AssembliesOf(package);
    }

    /// <summary>The runner's own copy of the assembly in <paramref name="path"/>, or null when the runner does not carry it.</summary>
    static Assembly? RunnerCopyOf(string path, string directory, int line)
    {
        string full = Path.GetFullPath(path, directory);
        string simpleName = Path.GetFileNameWithoutExtension(full);
        if (!RunnerAssemblyNames.Contains(simpleName)) return null;
        if (!File.Exists(full))
            throw new DirectiveException(line, $"#r \"{path}\": {full} does not exist. Build the solution first (dotnet build).");
        return Assembly.Load(new AssemblyName(simpleName));
    }

    /// <summary>The simple names of the assemblies this process was started with (its trusted platform assemblies).</summary>
    static readonly HashSet<string> RunnerAssemblyNames = new(
        (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)!,
        StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("""^#r\s+"(?<path>[^"]+\.dll)"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex FileReference();

    [GeneratedRegex("""^#r\s+"nuget:\s*(?<name>[^,"]+)(,(?<version>[^"]*))?"\s*$""")]
    private static partial Regex NugetReference();
}

/// <summary>A directive the runner cannot honour, with its line in the cell.</summary>
sealed class DirectiveException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
