using System.Reflection;
using TorchSharp;

namespace FineTune.Kernel.Runtime;

/// <summary>What TorchSharp runs on here: versions, threads, CUDA, and how its native library was loaded.</summary>
/// <param name="TorchSharpVersion">The TorchSharp package version.</param>
/// <param name="LibTorchVersion">The libtorch version the native library reports.</param>
/// <param name="Threads">Intra-op threads torch uses.</param>
/// <param name="CudaAvailable">Whether a CUDA device can be used.</param>
/// <param name="NativeStatus">What <see cref="TorchNative.EnsureLoaded"/> found and did.</param>
public sealed record TorchInfo(string TorchSharpVersion, string LibTorchVersion, int Threads, bool CudaAvailable, string NativeStatus)
{
    /// <summary>Loads TorchSharp (if not yet loaded) and reports on it.</summary>
    public static TorchInfo Current()
    {
        TorchNative.EnsureLoaded();
        var torchSharp = typeof(torch).Assembly;
        string version = torchSharp.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? torchSharp.GetName().Version?.ToString() ?? "unknown";
        return new TorchInfo(version.Split('+')[0], torch.__version__, torch.get_num_threads(),
            torch.cuda.is_available(), TorchNative.Status);
    }
}
