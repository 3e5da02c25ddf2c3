namespace FineTune.Kernel.Models;

// Text generation.
public sealed partial class CausalLM
{
    /// <summary>Continues each prompt (token ids), batched with left padding; see <see cref="GenerationOptions"/>.</summary>
    public IReadOnlyList<GenerationResult> Generate(IReadOnlyList<IReadOnlyList<int>> prompts, GenerationOptions? options = null) =>
        new GenerationLoop(this, options ?? new GenerationOptions(), Decoder()).Run(prompts);

    /// <summary>Continues one prompt given as token ids.</summary>
    public GenerationResult Generate(IReadOnlyList<int> prompt, GenerationOptions? options = null) =>
        Generate([prompt], options)[0];
}
