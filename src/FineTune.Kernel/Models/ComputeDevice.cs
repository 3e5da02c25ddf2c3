using TorchSharp;
using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>Turns a device name ("cpu", "cuda", "cuda:1", "auto") into a TorchSharp device.</summary>
static class ComputeDevice
{
    /// <summary>
    /// "cpu" (the default), "cuda" or "cuda:N" (an error when CUDA is not available), or "auto"
    /// (CUDA when available, else CPU).
    /// </summary>
    public static Device Resolve(string? name)
    {
        string device = (name ?? "cpu").Trim().ToLowerInvariant();
        if (device == "cpu") return CPU;
        if (device == "auto") return cuda.is_available() ? CUDA : CPU;
        if (device == "cuda" || device.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!cuda.is_available())
                throw new ArgumentException($"device '{name}' was asked for, but CUDA is not available here (this build uses the CPU libtorch); use \"cpu\" or \"auto\"", nameof(name));
            return new Device(device);
        }
        throw new ArgumentException($"unknown device '{name}'; use \"cpu\", \"cuda\", \"cuda:N\" or \"auto\"", nameof(name));
    }
}
