using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>Registering a child under an explicit (Hugging Face) name while keeping a typed field.</summary>
static class ModuleExtensions
{
    /// <summary>Registers <paramref name="child"/> as <paramref name="name"/> in <paramref name="parent"/> and returns it.</summary>
    public static T Registered<T>(this nn.Module parent, string name, T child) where T : nn.Module
    {
        parent.register_module(name, child);
        return child;
    }
}
