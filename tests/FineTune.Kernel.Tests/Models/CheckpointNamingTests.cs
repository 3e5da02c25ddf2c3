using FineTune.Kernel.Models;
using TorchSharp;
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

    [Theory]
    [InlineData("gpt2")]
    [InlineData("llama")]
    [InlineData("qwen2")]
    public void Every_named_parameter_is_the_tensor_the_forward_pass_uses(string family)
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(family);
        var ids = tensor(new long[] { 1, 2, 3 }).view(1, -1);
        foreach (var (name, parameter) in model.named_parameters())
        {
            var before = model.call(ids);
            var change = rand(parameter.shape, generator: new Generator(1));   // not uniform: LayerNorm would absorb a constant shift
            using (no_grad()) parameter.add_(change);
            var after = model.call(ids);
            using (no_grad()) parameter.sub_(change);
            Assert.False(before.allclose(after), $"{name}: changing it did not change the logits");
        }
    }
}
