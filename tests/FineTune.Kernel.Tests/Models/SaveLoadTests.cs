using System.Text.Json.Nodes;
using FineTune.Kernel.Models;
using FineTune.Kernel.Tests.Support;
using static TorchSharp.torch;

namespace FineTune.Kernel.Tests.Models;

/// <summary>A saved model is a Hugging Face folder that loads back bit for bit.</summary>
public class SaveLoadTests
{
    static void AssertIdentical(CausalLM expected, CausalLM actual)
    {
        var parameters = actual.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(expected.named_parameters().Select(p => p.name).Order(), parameters.Keys.Order());
        foreach (var (name, parameter) in expected.named_parameters())
        {
            Assert.Equal(parameter.dtype, parameters[name].dtype);
            Assert.True(parameter.equal(parameters[name]).all().item<bool>(), $"{name} differs after the round trip");
        }
        using var scope = NewDisposeScope();
        var ids = tensor(new long[] { 1, 5, 2, 7, 3 }).view(1, -1);
        Assert.True(expected.call(ids).equal(actual.call(ids)).all().item<bool>());
    }

    [SkippableTheory]
    [InlineData("gpt2")]
    [InlineData("distilgpt2")]
    [InlineData("llama-sharded")]
    [InlineData("mistral")]
    [InlineData("qwen2")]
    [InlineData("smollm2")]
    public void A_reference_checkpoint_saved_by_the_kit_loads_back_bit_identically(string fixture)
    {
        Skip.If(ParityFixtures.Folder is null, ParityFixtures.Missing);
        using var folder = new TempFolder();
        var model = ParityFixtures.Load(fixture);

        model.Save(folder.Path);

        AssertIdentical(model, CausalLM.Load(folder.Path));
    }

    [SkippableFact]
    public void GPT2_is_saved_as_transformers_saves_it_Conv1D_weights_in_in_out_layout_and_no_tied_head()
    {
        Skip.If(ParityFixtures.Folder is null, ParityFixtures.Missing);
        using var folder = new TempFolder();
        ParityFixtures.Load("gpt2").Save(folder.Path);

        using var saved = SafetensorsFile.Open(folder.File("model.safetensors"));
        using var original = SafetensorsFile.Open(ParityFixtures.CheckpointOf("gpt2"));

        Assert.Equal("pt", saved.Metadata["format"]);
        Assert.False(saved.Contains("lm_head.weight"));
        Assert.Equal([8L, 24L], saved["transformer.h.0.attn.c_attn.weight"].Shape);
        Assert.Equal(original.ReadTensor("h.1.mlp.c_fc.weight").bytes.ToArray(), saved.ReadTensor("transformer.h.1.mlp.c_fc.weight").bytes.ToArray());
    }

    [Theory]
    [InlineData("gpt2")]
    [InlineData("llama")]
    [InlineData("mistral")]
    [InlineData("qwen2")]
    public void A_fresh_model_saved_and_loaded_generates_the_same_tokens(string family)
    {
        using var folder = new TempFolder();
        var model = TinyModels.Create(family);
        var options = new GenerationOptions { MaxNewTokens = 8, EosTokenIds = [] };

        model.Save(folder.Path);
        var loaded = CausalLM.Load(folder.Path);

        AssertIdentical(model, loaded);
        Assert.Equal(model.Generate([1, 2, 3], options).TokenIds, loaded.Generate([1, 2, 3], options).TokenIds);
    }

    [Fact]
    public void A_bfloat16_model_is_saved_in_bfloat16_and_says_so_in_config_json()
    {
        using var folder = new TempFolder();
        var model = CausalLM.Create(TinyModels.Config("llama"), seed: 2, dtype: ScalarType.BFloat16);

        model.Save(folder.Path);

        using (var file = SafetensorsFile.Open(folder.File("model.safetensors")))
            Assert.All(file.Entries, e => Assert.Equal("BF16", e.DType));
        Assert.Equal("bfloat16", JsonNode.Parse(File.ReadAllText(folder.File("config.json")))!["torch_dtype"]!.GetValue<string>());
        AssertIdentical(model, CausalLM.Load(folder.Path, ScalarType.BFloat16));
    }

    [SkippableFact]
    public void Saving_keeps_the_config_fields_the_kit_does_not_use_and_the_generation_config()
    {
        string? source = RepoPaths.SharedFixtures("lm-buddy-fake-gpt2");
        Skip.If(source is null, "../shared/fixtures/lm-buddy-fake-gpt2 is not on this machine");
        using var folder = new TempFolder();

        CausalLM.Load(source).Save(folder.Path);

        var config = JsonNode.Parse(File.ReadAllText(folder.File("config.json")))!;
        Assert.Equal(50, config["task_specific_params"]!["text-generation"]!["max_length"]!.GetValue<int>());
        Assert.Equal("float32", config["torch_dtype"]!.GetValue<string>());
        Assert.Equal(50256, JsonNode.Parse(File.ReadAllText(folder.File("generation_config.json")))!["eos_token_id"]!.GetValue<int>());
    }
}
