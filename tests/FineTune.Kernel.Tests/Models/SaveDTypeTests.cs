using System.Text.Json.Nodes;
using FineTune.Kernel.Models;
using FineTune.Kernel.Tests.Support;
using static TorchSharp.torch;

namespace FineTune.Kernel.Tests.Models;

/// <summary>Save(dtype:) stores the weights in another dtype than the model computes in.</summary>
public class SaveDTypeTests
{
    [Theory]
    [InlineData("llama")]
    [InlineData("gpt2")]
    public void A_float32_model_saved_as_bfloat16_loads_back_as_its_weights_rounded_to_bfloat16(string family)
    {
        using var folder = new TempFolder();
        var model = TinyModels.Create(family);

        model.Save(folder.Path, dtype: ScalarType.BFloat16);
        var loaded = CausalLM.Load(folder.Path);

        Assert.Equal("bfloat16", JsonNode.Parse(File.ReadAllText(folder.File("config.json")))!["torch_dtype"]!.GetValue<string>());
        using (var file = SafetensorsFile.Open(folder.File("model.safetensors")))
            Assert.Equal("BF16", file.Entries.Select(e => e.DType).Distinct().Single());
        Assert.Equal(ScalarType.Float32, loaded.DType);
        var saved = loaded.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in model.named_parameters())
        {
            using var rounded = parameter.detach().to(ScalarType.BFloat16).to(ScalarType.Float32);
            Assert.True(rounded.equal(saved[name]).all().item<bool>(), $"{name} is not the bfloat16 rounding of the model's weight");
        }
    }

    [Fact]
    public void A_dtype_safetensors_cannot_hold_for_a_model_is_refused()
    {
        using var folder = new TempFolder();

        Assert.Throws<ArgumentException>(() => TinyModels.Create("llama").Save(folder.Path, dtype: ScalarType.Int32));
    }
}
