using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace FineTune.Kernel.Models;

/// <summary>
/// The MLP of a block. GPT-2: <c>c_proj(gelu(c_fc(x)))</c> with the tanh approximation
/// (gelu_new). Llama family: SwiGLU, <c>down_proj(silu(gate_proj(x)) * up_proj(x))</c>.
/// </summary>
sealed class FeedForward : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor>? expand, gate, up;
    readonly nn.Module<Tensor, Tensor> down;
    readonly GELU.Approximate approximation;

    public FeedForward(ModelConfig config, string prefix, WeightSource weights) : base(nameof(FeedForward))
    {
        int c = config.HiddenSize, hidden = config.IntermediateSize;
        if (config.IsGpt2)
        {
            approximation = config.Activation == "gelu" ? GELU.Approximate.none : GELU.Approximate.tanh;
            expand = this.Registered("c_fc", weights.Linear($"{prefix}.c_fc", c, hidden, bias: true, conv1d: true));
            down = this.Registered("c_proj", weights.Linear($"{prefix}.c_proj", hidden, c, bias: true, conv1d: true, init: WeightInit.ResidualNormal));
        }
        else
        {
            gate = this.Registered("gate_proj", weights.Linear($"{prefix}.gate_proj", c, hidden, config.MlpBias));
            up = this.Registered("up_proj", weights.Linear($"{prefix}.up_proj", c, hidden, config.MlpBias));
            down = this.Registered("down_proj", weights.Linear($"{prefix}.down_proj", hidden, c, config.MlpBias));
        }
    }

    /// <summary>x (B, T, C) to (B, T, C).</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var hidden = expand is not null
            ? F.gelu(expand.call(x), approximation)                                  // (B, T, 4C)
            : F.silu(gate!.call(x)) * up!.call(x);                                   // (B, T, I)
        return down.call(hidden).MoveToOuterDisposeScope();
    }
}
