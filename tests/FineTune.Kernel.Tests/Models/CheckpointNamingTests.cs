using FineTune.Kernel.Models;
using static TorchSharp.torch;

namespace FineTune.Kernel.Tests.Models;

/// <summary>Parameter names are Hugging Face's, so state dicts and adapters map one to one.</summary>
public class CheckpointNamingTests
{
    [SkippableTheory]
    [InlineData("llama", "model.layers.0.self_attn.q_proj.weight")]
    [InlineData("qwen2", "model.layers.1.self_attn.v_proj.bias")]
    [InlineData("distilgpt2", "transformer.h.0.attn.c_attn.weight")]
    public void Parameter_names_are_the_checkpoint_keys(string fixture, string example)
    {
        Skip.If(ParityFixtures.Folder is null, ParityFixtures.Missing);
        var model = ParityFixtures.Load(fixture);
        using var file = SafetensorsFile.Open(ParityFixtures.CheckpointOf(fixture));

        var names = model.named_parameters().Select(p => p.name).Order().ToList();
        var keys = file.Entries.Select(e => e.Name).Where(n => !n.EndsWith("rotary_emb.inv_freq")).Order().ToList();

        Assert.Equal(keys, names);
        Assert.Contains(example, names);
    }
}
