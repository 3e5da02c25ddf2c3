using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// Root-mean-square normalisation as Llama uses it (TorchSharp 0.107 has none): statistics in
/// float32 whatever the model dtype, cast back, then scaled by a learned weight. No mean
/// subtraction, no bias.
/// </summary>
sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    // Named like the registered parameter: Module.to(...) replaces fields by that name.
    Parameter weight;
    readonly double eps;

    public RmsNorm(Tensor weight, double eps) : base(nameof(RmsNorm))
    {
        this.weight = new Parameter(weight);
        this.eps = eps;
        register_parameter(nameof(weight), this.weight);
    }

    public Parameter Weight => weight;

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var x32 = x.to(ScalarType.Float32);                                   // (..., C)
        var normed = x32 * rsqrt(x32.pow(2).mean([-1], keepdim: true) + eps);
        return (weight * normed.to(x.dtype)).MoveToOuterDisposeScope();
    }
}
