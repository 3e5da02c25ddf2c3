using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FineTune.Kernel.Runtime;

/// <summary>
/// Makes TorchSharp's native library loadable in every host: the CLI, the tests, and a notebook
/// that only <c>#r</c>'s FineTune.Kernel.dll. It runs by itself the first time any FineTune.Kernel
/// code runs; calling <see cref="EnsureLoaded"/> again is free.
/// </summary>
/// <remarks>
/// Where the system libstdc++ lacks GLIBCXX_3.4.32 (Debian 12, Ubuntu 22.04), the native library's
/// requirement of that version is marked weak (in place, or in a patched copy under the user's cache
/// folder when the original is read-only), and the library is loaded from its full path before
/// TorchSharp looks for it. Set the environment variable FINETUNE_NATIVE_FIX=0 to turn this off.
/// </remarks>
public static class TorchNative
{
    const string LibraryFile = "libLibTorchSharp.so";
    static readonly Lock Gate = new();
    static bool done;

    /// <summary>What the last <see cref="EnsureLoaded"/> found and did, for diagnostics.</summary>
    public static string Status { get; private set; } = "not run";

#pragma warning disable CA2255 // A library module initializer is the point: notebooks must not need a manual step.
    [ModuleInitializer]
    internal static void LoadOnFirstUse() => EnsureLoaded();
#pragma warning restore CA2255

    /// <summary>Prepares and preloads TorchSharp's native library on Linux; a no-op elsewhere.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (done) return;
            done = true;
            try { Status = Prepare(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or BadImageFormatException)
            {
                Status = $"native fix failed, TorchSharp will try on its own: {e.Message}";
            }
        }
    }

    static string Prepare()
    {
        if (!OperatingSystem.IsLinux()) return "not Linux: nothing to do";
        if (Environment.GetEnvironmentVariable("FINETUNE_NATIVE_FIX") == "0") return "turned off by FINETUNE_NATIVE_FIX=0";
        string? library = FindNativeLibrary();
        if (library is null) return $"{LibraryFile} not found next to TorchSharp: left to TorchSharp";

        string toLoad = library;
        string action;
        if (!GlibcxxRequirement.SystemLacksVersion())
            action = $"system libstdc++ has {GlibcxxRequirement.Version}, nothing to fix";
        else if (GlibcxxRequirement.ReadRequirement(File.ReadAllBytes(library), GlibcxxRequirement.Version) != GlibcxxRequirement.State.Strong)
            action = $"{GlibcxxRequirement.Version} requirement already weak or absent";
        else
        {
            toLoad = WeakenInPlaceOrCopy(library);
            action = toLoad == library ? $"marked {GlibcxxRequirement.Version} weak in place" : $"marked {GlibcxxRequirement.Version} weak in a copy, {toLoad}";
        }

        // Load libtorch from its own folder first, so a patched copy elsewhere finds it by soname.
        string libtorch = Path.Combine(Path.GetDirectoryName(library)!, "libtorch.so");
        if (File.Exists(libtorch)) NativeLibrary.Load(libtorch);
        NativeLibrary.Load(toLoad);
        return $"{library}: {action}; loaded";
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    static string WeakenInPlaceOrCopy(string library)
    {
        try
        {
            GlibcxxRequirement.MakeWeak(library);
            return library;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            var info = new FileInfo(library);
            string folder = Path.Combine(CacheFolder(), $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}");
            string copy = Path.Combine(folder, LibraryFile);
            if (!File.Exists(copy))
            {
                Directory.CreateDirectory(folder);
                string temp = copy + $".{Environment.ProcessId}.tmp";
                File.Copy(library, temp, overwrite: true);
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                GlibcxxRequirement.MakeWeak(temp);
                File.Move(temp, copy, overwrite: true);
            }
            return copy;
        }
    }

    static string CacheFolder()
    {
        string root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "finetune-notebooks", "native");
    }

    // Where the runtime would look (the app's native search folders), then beside the TorchSharp
    // and FineTune.Kernel assemblies (a notebook host that #r's the built library).
    static string? FindNativeLibrary()
    {
        var folders = new List<string>();
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string searchPath)
            folders.AddRange(searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        foreach (var assemblyFolder in new[] { typeof(TorchSharp.torch).Assembly.Location, typeof(TorchNative).Assembly.Location }.Select(Path.GetDirectoryName))
        {
            if (string.IsNullOrEmpty(assemblyFolder)) continue;
            folders.Add(Path.Combine(assemblyFolder, "runtimes", "linux-x64", "native"));
            folders.Add(assemblyFolder);
        }
        return folders.Select(f => Path.Combine(f, LibraryFile)).FirstOrDefault(File.Exists);
    }
}
