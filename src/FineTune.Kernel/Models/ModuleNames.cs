using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// Hugging Face's module names for each family, so parameter names (and later LoRA targets)
/// match transformers one to one: <c>transformer.h.0.attn.c_attn</c> (GPT-2),
/// <c>model.layers.0.self_attn.q_proj</c> (Llama, Mistral, Qwen2).
/// </summary>
sealed record ModuleNames(string Trunk, string Embeddings, string? Positions, string Layers, string FinalNorm,
    string AttentionNorm, string Attention, string MlpNorm)
{
    static readonly ModuleNames Gpt2 = new("transformer", "wte", "wpe", "h", "ln_f", "ln_1", "attn", "ln_2");
    static readonly ModuleNames Llama = new("model", "embed_tokens", null, "layers", "norm", "input_layernorm", "self_attn", "post_attention_layernorm");

    public const string Head = "lm_head";

    public static ModuleNames For(ModelConfig config) => config.IsGpt2 ? Gpt2 : Llama;

    /// <summary>LayerNorm with bias for GPT-2, RMSNorm for the Llama family.</summary>
    public nn.Module<Tensor, Tensor> Norm(WeightSource weights, string name, ModelConfig config) =>
        config.IsGpt2 ? weights.LayerNorm(name, config.HiddenSize, config.NormEps) : weights.RmsNorm(name, config.HiddenSize, config.NormEps);
}
