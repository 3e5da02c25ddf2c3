using FineTune.Kernel.Models;
using FineTune.Kernel.Tests.Support;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FineTune.Kernel.Tests.Models;

public class LoadingTests
{
    [SkippableFact]
    public void A_bfloat16_checkpoint_loads_in_bfloat16_and_computes_close_to_the_reference()
    {
        Skip.If(ParityFixtures.Folder is null, ParityFixtures.Missing);
        using var scope = NewDisposeScope();
        var model = ParityFixtures.Load("smollm2", ScalarType.BFloat16);
        var (sequences, expected) = ParityFixtures.Reference("smollm2");

        var logits = model.call(tensor(sequences[0]).view(1, -1));

        Assert.Equal(ScalarType.BFloat16, logits.dtype);
        Assert.All(model.parameters(), p => Assert.Equal(ScalarType.BFloat16, p.dtype));
        var reference = tensor(expected[0].SelectMany(p => p).ToArray()).view(logits.shape);
        double difference = (logits.to(ScalarType.Float64) - reference).abs().max().item<double>();
        Assert.True(difference < 0.05, $"bf16 max abs logit difference {difference}");
    }

    [SkippableFact]
    public void A_float32_checkpoint_loads_in_float16()
    {
        Skip.If(ParityFixtures.Folder is null, ParityFixtures.Missing);
        using var scope = NewDisposeScope();
        var model = ParityFixtures.Load("llama", ScalarType.Float16);
        var (sequences, expected) = ParityFixtures.Reference("llama");

        var logits = model.call(tensor(sequences[1]).view(1, -1));

        Assert.Equal(ScalarType.Float16, logits.dtype);
        var reference = tensor(expected[1].SelectMany(p => p).ToArray()).view(logits.shape);
        Assert.True((logits.to(ScalarType.Float64) - reference).abs().max().item<double>() < 0.05);
    }

    [Fact]
    public void An_integer_dtype_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CausalLM.Create(TinyModels.Config("llama"), dtype: ScalarType.Int32));

        Assert.Contains("Float32, BFloat16 or Float16", error.Message);
    }

    [SkippableFact]
    public void Asking_for_CUDA_without_it_is_an_error_and_auto_falls_back_to_the_CPU()
    {
        Skip.If(cuda.is_available(), "CUDA is available on this machine");

        var error = Assert.Throws<ArgumentException>(() => CausalLM.Create(TinyModels.Config("llama"), device: "cuda"));
        var model = CausalLM.Create(TinyModels.Config("llama"), device: "auto");

        Assert.Contains("CUDA is not available", error.Message);
        Assert.Equal(DeviceType.CPU, model.Device.type);
    }

    [Fact]
    public void A_tied_head_is_one_parameter_shared_with_the_token_embeddings()
    {
        var model = TinyModels.Create("qwen2");           // tie_word_embeddings
        var embedding = model.named_parameters().Single(p => p.name == "model.embed_tokens.weight").parameter;

        Assert.DoesNotContain(model.named_parameters(), p => p.name.StartsWith("lm_head"));
        Assert.Single(model.TrainableParameters(), p => ReferenceEquals(p, embedding));
        Assert.Equal(model.parameters().Sum(p => p.numel()), model.ParameterCount);

        using var scope = NewDisposeScope();
        var ids = tensor(new long[] { 4, 9 }).view(1, -1);
        var logits = model.call(ids);
        var expected = logits.narrow(2, 0, 1).clone();
        using (no_grad()) embedding[0].add_(1);        // the head's row 0 is embedding row 0
        Assert.False(model.call(ids).narrow(2, 0, 1).allclose(expected));
    }

    [Fact]
    public void A_weight_registered_twice_or_under_an_alias_is_listed_once_for_the_optimiser()
    {
        var model = TinyModels.Create("qwen2");
        var embedding = model.named_parameters().Single(p => p.name == "model.embed_tokens.weight").parameter;
        int distinct = model.TrainableParameters().Count;
        model.register_module("same_object", nn.Linear(embedding, null));
        model.register_module("same_storage", nn.Linear(new Parameter(embedding.alias()), null));

        Assert.Equal(distinct + 1, model.parameters().Count());   // TorchSharp drops the same object but lists the alias
        Assert.Equal(distinct, model.TrainableParameters().Count);
    }

    [Fact]
    public void Frozen_parameters_are_not_trainable()
    {
        var model = TinyModels.Create("llama");
        foreach (var (name, parameter) in model.named_parameters())
            if (!name.Contains("q_proj")) parameter.requires_grad = false;

        Assert.Equal(["model.layers.0.self_attn.q_proj.weight", "model.layers.1.self_attn.q_proj.weight"],
            model.TrainableParameters().Select(p => model.named_parameters().Single(n => ReferenceEquals(n.parameter, p)).name));
    }

    [SkippableFact]
    public void The_save_pretrained_GPT2_folder_of_lm_buddy_loads_and_generates()
    {
        string? folder = RepoPaths.SharedFixtures("lm-buddy-fake-gpt2");
        Skip.If(folder is null, "../shared/fixtures/lm-buddy-fake-gpt2 is not on this machine");

        var model = CausalLM.Load(folder);
        var result = model.Generate([464, 2068, 7586], new GenerationOptions { MaxNewTokens = 5, EosTokenIds = [] });

        Assert.Equal(5, result.TokenIds.Count);
        Assert.All(result.TokenIds, id => Assert.InRange(id, 0, 50256));
        Assert.Equal([50256], model.EosTokenIds);
    }

    [Fact]
    public void Loading_reads_weights_into_their_tensors_without_a_managed_copy_of_the_file()
    {
        using var folder = new TempFolder();
        var config = new ModelConfig { ModelType = "llama", VocabSize = 8192, HiddenSize = 256, NumLayers = 2, NumHeads = 4, IntermediateSize = 512 };
        CausalLM.Create(config).Save(folder.Path);
        long fileBytes = new FileInfo(folder.File("model.safetensors")).Length;

        long before = GC.GetAllocatedBytesForCurrentThread();
        CausalLM.Load(folder.Path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(fileBytes > 16_000_000, $"checkpoint of {fileBytes} bytes");
        Assert.True(allocated < fileBytes / 20, $"loading a {fileBytes:N0}-byte checkpoint allocated {allocated:N0} managed bytes");
    }
}
