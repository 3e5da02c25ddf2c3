using FineTune.Kernel.Models;
using TorchSharp.Modules;

namespace FineTune.Kernel.Training;

/// <summary>
/// The trainable parameters split as nanoGPT/minGPT split them for AdamW: weight decay for the weight
/// matrices of linear layers; none for norms, biases (1-d tensors) and embeddings (a tied output head
/// is the embedding, so it is not decayed either). Each tensor appears once.
/// </summary>
sealed record ParameterGroups(IReadOnlyList<(string Name, Parameter Parameter)> Decay, IReadOnlyList<(string Name, Parameter Parameter)> NoDecay)
{
    static readonly string[] EmbeddingSuffixes = [".embed_tokens.weight", ".wte.weight", ".wpe.weight"];

    public static ParameterGroups Of(CausalLM model)
    {
        var trainable = model.DistinctParameters().Where(p => p.Parameter.requires_grad).ToList();
        bool Decays((string Name, Parameter Parameter) p) =>
            p.Parameter.dim() >= 2 && !EmbeddingSuffixes.Any(s => ("." + p.Name).EndsWith(s, StringComparison.Ordinal));
        return new ParameterGroups(trainable.Where(Decays).ToList(), trainable.Where(p => !Decays(p)).ToList());
    }

    public IEnumerable<Parameter> All => Decay.Concat(NoDecay).Select(p => p.Parameter);
}
