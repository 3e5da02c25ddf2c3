using System.Reflection;
using System.Text.Json;

namespace FineTune.Notebooks.Session;

/// <summary>
/// The NuGet packages this runner was built with (read from its own .deps.json). A notebook's
/// <c>#r "nuget: Name"</c> is satisfied from this set, never by downloading: the runner cannot
/// restore packages, and a notebook replayed headless must use what was tested with it.
/// </summary>
sealed class RunnerPackages
{
    readonly Dictionary<string, Package> packages;

    RunnerPackages(Dictionary<string, Package> packages) => this.packages = packages;

    public sealed record Package(string Name, string Version, IReadOnlyList<string> Assemblies, IReadOnlyList<string> Dependencies);

    public static RunnerPackages Current { get; } = Load();

    public Package? Find(string name) => packages.GetValueOrDefault(name);

    /// <summary>The assemblies of <paramref name="package"/> and of everything it depends on, loaded in this process.</summary>
    public IEnumerable<Assembly> AssembliesOf(Package package)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<Package>([package]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next.Name)) continue;
            foreach (var file in next.Assemblies)
                yield return Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(file)));
            foreach (var dependency in next.Dependencies)
                if (Find(dependency) is { } found) pending.Push(found);
        }
    }

    static RunnerPackages Load()
    {
        var found = new Dictionary<string, Package>(StringComparer.OrdinalIgnoreCase);
        var depsFiles = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries); // the host joins them with ';' on every OS
        foreach (var depsFile in depsFiles.Where(File.Exists))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(depsFile));
            var root = document.RootElement;
            if (!root.TryGetProperty("targets", out var targets) || !root.TryGetProperty("libraries", out var libraries)) continue;
            foreach (var target in targets.EnumerateObject())
                foreach (var library in target.Value.EnumerateObject())
                {
                    if (!libraries.TryGetProperty(library.Name, out var info) || info.GetProperty("type").GetString() != "package") continue;
                    var (name, version) = Split(library.Name);
                    var assemblies = library.Value.TryGetProperty("runtime", out var runtime)
                        ? runtime.EnumerateObject().Select(r => Path.GetFileName(r.Name)).Where(f => f.EndsWith(".dll")).ToList()
                        : [];
                    var dependencies = library.Value.TryGetProperty("dependencies", out var deps)
                        ? deps.EnumerateObject().Select(d => d.Name).ToList()
                        : [];
                    found.TryAdd(name, new Package(name, version, assemblies, dependencies));
                }
        }
        return new RunnerPackages(found);
    }

    static (string Name, string Version) Split(string nameAndVersion)
    {
        int slash = nameAndVersion.IndexOf('/');
        return (nameAndVersion[..slash], nameAndVersion[(slash + 1)..]);
    }
}
