namespace FineTune.Kernel.Tests.Support;

/// <summary>Paths inside this repository, found from the running test assembly.</summary>
static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration these tests were built in.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The build output folder of a project under src/ or tests/, e.g. ("src", "FineTune.Kernel").</summary>
    public static string BuildOutput(string area, string project) =>
        Path.Combine(Root, area, project, "bin", Configuration, "net10.0");

    /// <summary>../shared/fixtures beside the repository, or null when this machine has none.</summary>
    public static string? SharedFixtures(string name)
    {
        string path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures", name));
        return Directory.Exists(path) ? path : null;
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FineTuneNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException($"FineTuneNotebooks.sln not found above {AppContext.BaseDirectory}");
    }
}
