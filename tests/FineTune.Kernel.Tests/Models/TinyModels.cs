using FineTune.Kernel.Models;

namespace FineTune.Kernel.Tests.Models;

/// <summary>Small random models of each family, made by the kit itself, so tests need no downloaded weights.</summary>
static class TinyModels
{
    public static ModelConfig Config(string family) => family switch
    {
        "gpt2" => new() { ModelType = "gpt2", VocabSize = 64, HiddenSize = 32, NumLayers = 2, NumHeads = 4, MaxPositions = 64 },
        "llama" => new() { ModelType = "llama", VocabSize = 64, HiddenSize = 32, NumLayers = 2, NumHeads = 4, NumKeyValueHeads = 2, IntermediateSize = 48, MaxPositions = 64 },
        "mistral" => new() { ModelType = "mistral", VocabSize = 64, HiddenSize = 32, NumLayers = 2, NumHeads = 4, NumKeyValueHeads = 1, IntermediateSize = 48, SlidingWindow = 5 },
        "qwen2" => new() { ModelType = "qwen2", VocabSize = 64, HiddenSize = 32, NumLayers = 2, NumHeads = 4, NumKeyValueHeads = 2, IntermediateSize = 48, TieWordEmbeddings = true },
        _ => throw new ArgumentException(family),
    };

    /// <summary>
    /// A random model with a larger initialisation than transformers' 0.02, so that its
    /// next-token distributions are peaked and greedy choices are far from ties.
    /// </summary>
    public static CausalLM Create(string family, int seed = 1) =>
        CausalLM.Create(Config(family) with { InitializerRange = 0.5 }, seed);
}
