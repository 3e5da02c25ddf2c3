using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// The dtypes of the safetensors format (huggingface/safetensors, <c>enum Dtype</c>): their size in
/// bits and, where TorchSharp has one, the matching <see cref="ScalarType"/>.
/// </summary>
static class SafetensorsDtype
{
    static readonly Dictionary<string, int> Bits = new()
    {
        ["BOOL"] = 8, ["F4"] = 4, ["F6_E2M3"] = 6, ["F6_E3M2"] = 6, ["U8"] = 8, ["I8"] = 8,
        ["F8_E5M2"] = 8, ["F8_E4M3"] = 8, ["F8_E8M0"] = 8, ["F8_E4M3FNUZ"] = 8, ["F8_E5M2FNUZ"] = 8,
        ["I16"] = 16, ["U16"] = 16, ["F16"] = 16, ["BF16"] = 16, ["I32"] = 32, ["U32"] = 32,
        ["F32"] = 32, ["C64"] = 64, ["F64"] = 64, ["I64"] = 64, ["U64"] = 64,
    };

    static readonly Dictionary<string, ScalarType> Torch = new()
    {
        ["BOOL"] = ScalarType.Bool, ["U8"] = ScalarType.Byte, ["I8"] = ScalarType.Int8,
        ["I16"] = ScalarType.Int16, ["F16"] = ScalarType.Float16, ["BF16"] = ScalarType.BFloat16,
        ["I32"] = ScalarType.Int32, ["F32"] = ScalarType.Float32, ["C64"] = ScalarType.ComplexFloat32,
        ["F64"] = ScalarType.Float64, ["I64"] = ScalarType.Int64,
    };

    /// <summary>Every dtype name the format defines.</summary>
    public static IEnumerable<string> Names => Bits.Keys;

    public static bool IsKnown(string name) => Bits.ContainsKey(name);

    public static int BitSize(string name) => Bits[name];

    /// <summary>The TorchSharp type for <paramref name="name"/>, or null where TorchSharp 0.107 has none (U16/U32/U64, F8, F6, F4).</summary>
    public static ScalarType? ToTorch(string name) => Torch.TryGetValue(name, out var type) ? type : null;

    /// <summary>The safetensors name of a TorchSharp type, or null for types the format cannot hold.</summary>
    public static string? FromTorch(ScalarType type)
    {
        foreach (var (name, torchType) in Torch)
            if (torchType == type) return name;
        return null;
    }
}
