using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>How a fresh model initialises a weight (the scheme transformers uses for GPT-2 and Llama).</summary>
enum WeightInit
{
    /// <summary>Normal(0, initializer_range).</summary>
    Normal,
    /// <summary>Normal(0, initializer_range / sqrt(2 x layers)): projections back into the residual stream (GPT-2).</summary>
    ResidualNormal,
    Zeros,
    Ones,
}

/// <summary>
/// Where a model's weights come from while its modules are built: a checkpoint on disk or a
/// random initialisation. Modules ask for each weight by its Hugging Face name, so the module
/// tree and the checkpoint keys are one and the same list.
/// </summary>
abstract class WeightSource
{
    protected WeightSource(ScalarType dtype, Device device)
    {
        DType = dtype;
        Device = device;
    }

    public ScalarType DType { get; }

    public Device Device { get; }

    /// <summary>
    /// The tensor for parameter <paramref name="name"/>, of <paramref name="shape"/>, in <see cref="DType"/> on
    /// <see cref="Device"/>. <paramref name="storedTransposed"/>: the checkpoint holds it as GPT-2's Conv1D (in, out).
    /// </summary>
    public abstract Tensor Take(string name, long[] shape, WeightInit init, bool storedTransposed = false);

    public Linear Linear(string name, long inFeatures, long outFeatures, bool bias, bool conv1d = false, WeightInit init = WeightInit.Normal)
    {
        var weight = Parameter($"{name}.weight", [outFeatures, inFeatures], init, conv1d);
        var biasParameter = bias ? Parameter($"{name}.bias", [outFeatures], WeightInit.Zeros) : null;
        return nn.Linear(weight, biasParameter);
    }

    public Embedding Embedding(string name, long count, long dimension)
    {
        // Not nn.Embedding_from_pretrained: in TorchSharp 0.107 it registers a different tensor than
        // the one forward uses, so parameters(), optimisers and state dicts would miss the real weight.
        var embedding = nn.Embedding(count, dimension, device: META);
        embedding.weight = Parameter($"{name}.weight", [count, dimension], WeightInit.Normal);
        return embedding;
    }

    public LayerNorm LayerNorm(string name, long dimension, double eps)
    {
        var norm = nn.LayerNorm(dimension, eps, device: META);
        norm.weight = Parameter($"{name}.weight", [dimension], WeightInit.Ones);
        norm.bias = Parameter($"{name}.bias", [dimension], WeightInit.Zeros);
        return norm;
    }

    public RmsNorm RmsNorm(string name, long dimension, double eps) =>
        new(Take($"{name}.weight", [dimension], WeightInit.Ones).DetachFromDisposeScope(), eps);

    Parameter Parameter(string name, long[] shape, WeightInit init, bool storedTransposed = false) =>
        new(Take(name, shape, init, storedTransposed).DetachFromDisposeScope());

    /// <summary>Moves <paramref name="tensor"/> to this source's dtype and device, disposing it when a copy was made.</summary>
    protected Tensor Place(Tensor tensor)
    {
        if (tensor.dtype == DType && tensor.device.Equals(Device)) return tensor;
        var placed = tensor.to(DType, Device);
        tensor.Dispose();
        return placed;
    }
}

/// <summary>Weights for a fresh model: normal(0, initializer_range) matrices, zero biases, unit norms; seeded.</summary>
sealed class RandomWeights(ModelConfig config, int seed, ScalarType dtype, Device device) : WeightSource(dtype, device)
{
    readonly Generator generator = new((ulong)seed);

    public override Tensor Take(string name, long[] shape, WeightInit init, bool storedTransposed = false)
    {
        double std = init == WeightInit.ResidualNormal ? config.InitializerRange / Math.Sqrt(2.0 * config.NumLayers) : config.InitializerRange;
        var tensor = init switch
        {
            WeightInit.Zeros => zeros(shape),
            WeightInit.Ones => ones(shape),
            _ => randn(shape, generator: generator).mul_(std),
        };
        return Place(tensor);
    }
}
