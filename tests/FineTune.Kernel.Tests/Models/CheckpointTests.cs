using FineTune.Kernel.Tests.Support;
using System.Text.Json.Nodes;
using FineTune.Kernel.Models;
using static TorchSharp.torch;

namespace FineTune.Kernel.Tests.Models;

/// <summary>Checkpoints that do not fit the model, and sharded checkpoints whose index disagrees with the shards, are refused by name.</summary>
public class CheckpointTests
{
    static Dictionary<string, Tensor> StateOf(CausalLM model) =>
        model.DistinctParameters().ToDictionary(p => p.Name, p => (Tensor)p.Parameter.detach());

    static string Write(TempFolder folder, Dictionary<string, Tensor> tensors)
    {
        string path = folder.File("weights.safetensors");
        SafetensorsFile.Write(path, tensors);
        return path;
    }

    [Fact]
    public void A_weight_the_model_needs_but_the_checkpoint_lacks_is_named()
    {
        using var folder = new TempFolder();
        var model = TinyModels.Create("llama");
        var state = StateOf(model);
        state.Remove("model.layers.1.mlp.up_proj.weight");

        var error = Assert.Throws<SafetensorsException>(() => CausalLM.Load(model.Config, Write(folder, state)));

        Assert.Equal("model.layers.1.mlp.up_proj.weight", error.TensorName);
    }

    [Fact]
    public void A_tensor_the_model_has_no_place_for_is_named()
    {
        using var folder = new TempFolder();
        var model = TinyModels.Create("llama");
        var state = StateOf(model);
        state["model.layers.0.self_attn.q_norm.weight"] = ones(8);

        var error = Assert.Throws<SafetensorsException>(() => CausalLM.Load(model.Config, Write(folder, state)));

        Assert.Equal("model.layers.0.self_attn.q_norm.weight", error.TensorName);
        Assert.Contains("no parameter", error.Message);
    }

    [Fact]
    public void A_weight_of_the_wrong_shape_is_named_with_both_shapes()
    {
        using var folder = new TempFolder();
        var model = TinyModels.Create("llama");
        string path = Write(folder, StateOf(model));

        var error = Assert.Throws<SafetensorsException>(() => CausalLM.Load(model.Config with { VocabSize = 65 }, path));

        Assert.Equal("model.embed_tokens.weight", error.TensorName);
        Assert.Contains("[64, 32]", error.Message);
        Assert.Contains("[65, 32]", error.Message);
    }

    [Fact]
    public void Keys_without_the_model_prefix_load_and_known_buffers_are_ignored()
    {
        using var folder = new TempFolder();
        var model = TinyModels.Create("gpt2");
        model.Save(folder.Path);
        using var saved = SafetensorsFile.Open(folder.File("model.safetensors"));
        var state = saved.Entries.ToDictionary(e => e.Name.Replace("transformer.", ""), e => saved.ReadTensor(e.Name));
        state["h.0.attn.bias"] = ones(1, 1, 64, 64);          // GPT-2's old causal-mask buffer
        state["h.1.attn.masked_bias"] = tensor(-1e4f);

        var loaded = CausalLM.Load(model.Config, Write(folder, state));

        Assert.True(loaded.call(tensor(new long[] { 1, 2, 3 }).view(1, -1)).equal(model.call(tensor(new long[] { 1, 2, 3 }).view(1, -1))).all().item<bool>());
    }

    [Fact]
    public void The_same_weight_under_two_prefixes_is_refused()
    {
        using var folder = new TempFolder();
        var model = TinyModels.Create("llama");
        var state = StateOf(model);
        state["norm.weight"] = state["model.norm.weight"];

        var error = Assert.Throws<SafetensorsException>(() => CausalLM.Load(model.Config, Write(folder, state)));

        Assert.Contains("another prefix", error.Message);
    }

    [Fact]
    public void A_stored_head_of_a_tied_model_loads_when_it_equals_the_embeddings_and_is_refused_otherwise()
    {
        using var folder = new TempFolder();
        var model = TinyModels.Create("qwen2");                // tied
        var state = StateOf(model);
        state["lm_head.weight"] = state["model.embed_tokens.weight"].clone();
        CausalLM.Load(model.Config, Write(folder, state));

        state["lm_head.weight"] = state["model.embed_tokens.weight"] + 1;
        var error = Assert.Throws<SafetensorsException>(() => CausalLM.Load(model.Config, Write(folder, state)));

        Assert.Equal("lm_head.weight", error.TensorName);
    }

    static (TempFolder Folder, CausalLM Model) Sharded()
    {
        var folder = new TempFolder();
        var model = TinyModels.Create("llama");
        model.Save(folder.Path, maxShardBytes: 20_000);
        return (folder, model);
    }

    static void EditIndex(TempFolder folder, Action<JsonObject> edit)
    {
        string path = folder.File("model.safetensors.index.json");
        var index = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(index["weight_map"]!.AsObject());
        File.WriteAllText(path, index.ToJsonString());
    }

    [Fact]
    public void A_sharded_save_writes_an_index_and_shards_that_load_back_identically()
    {
        var (folder, model) = Sharded();
        using var _ = folder;

        var shards = Directory.GetFiles(folder.Path, "model-*-of-*.safetensors");
        var loaded = CausalLM.Load(folder.Path).named_parameters().ToDictionary(p => p.name, p => p.parameter);

        Assert.True(shards.Length > 1, $"{shards.Length} shard(s)");
        Assert.False(File.Exists(folder.File("model.safetensors")));
        foreach (var (name, parameter) in model.named_parameters())
            Assert.True(parameter.equal(loaded[name]).all().item<bool>(), name);
    }

    [Fact]
    public void An_index_naming_a_missing_shard_is_refused()
    {
        var (folder, _) = Sharded();
        using var _1 = folder;
        EditIndex(folder, map => map["model.norm.weight"] = "model-00009-of-00009.safetensors");

        var error = Assert.Throws<SafetensorsException>(() => CausalLM.Load(folder.Path));

        Assert.Equal("model.norm.weight", error.TensorName);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void A_shard_holding_a_tensor_the_index_puts_elsewhere_is_refused()
    {
        var (folder, _) = Sharded();
        using var _1 = folder;
        EditIndex(folder, map =>
        {
            string first = map["model.embed_tokens.weight"]!.GetValue<string>();
            string other = map.Select(p => p.Value!.GetValue<string>()).First(s => s != first);
            map["model.embed_tokens.weight"] = other;
        });

        var error = Assert.Throws<SafetensorsException>(() => CausalLM.Load(folder.Path));

        Assert.Equal("model.embed_tokens.weight", error.TensorName);
    }

    [Fact]
    public void A_shard_tensor_missing_from_the_index_is_refused()
    {
        var (folder, _) = Sharded();
        using var _1 = folder;
        EditIndex(folder, map => map.Remove("model.layers.0.mlp.down_proj.weight"));

        var error = Assert.Throws<SafetensorsException>(() => CausalLM.Load(folder.Path));

        Assert.Equal("model.layers.0.mlp.down_proj.weight", error.TensorName);
        Assert.Contains("does not list", error.Message);
    }

    [Fact]
    public void An_index_without_a_weight_map_is_refused()
    {
        var (folder, _) = Sharded();
        using var _1 = folder;
        File.WriteAllText(folder.File("model.safetensors.index.json"), """{"metadata": {}}""");

        var error = Assert.Throws<SafetensorsException>(() => CausalLM.Load(folder.Path));

        Assert.Contains("weight_map", error.Message);
    }

    [Fact]
    public void A_single_file_save_into_a_folder_that_held_shards_removes_the_stale_index_and_shards()
    {
        var (folder, model) = Sharded();
        using var _1 = folder;

        model.Save(folder.Path);

        Assert.True(File.Exists(folder.File("model.safetensors")));
        Assert.False(File.Exists(folder.File("model.safetensors.index.json")));
        Assert.Empty(Directory.GetFiles(folder.Path, "model-*-of-*.safetensors"));
    }
}
