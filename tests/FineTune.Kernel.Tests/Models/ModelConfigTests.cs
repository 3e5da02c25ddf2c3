using FineTune.Kernel.Models;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Models;

public class ModelConfigTests
{
    static ModelConfig Parse(TempFolder folder, string json)
    {
        File.WriteAllText(folder.File("config.json"), json);
        return ModelConfig.Load(folder.Path);
    }

    const string Llama = """
        {"model_type": "llama", "vocab_size": 100, "hidden_size": 64, "intermediate_size": 128,
         "num_hidden_layers": 2, "num_attention_heads": 8 %EXTRA%}
        """;

    static string LlamaWith(string extra) => Llama.Replace("%EXTRA%", extra);

    [Fact]
    public void An_unsupported_model_type_is_refused_with_the_list_of_supported_ones()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<InvalidDataException>(() => Parse(folder, """{"model_type": "bert"}"""));

        Assert.Contains("'bert'", error.Message);
        Assert.Contains("gpt2, llama, mistral, qwen2", error.Message);
        Assert.Contains(folder.File("config.json"), error.Message);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<InvalidDataException>(() => Parse(folder, """{"model_type": "mistral", "vocab_size": 10}"""));

        Assert.Contains("'hidden_size'", error.Message);
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_named_with_what_was_found()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<InvalidDataException>(() => Parse(folder, LlamaWith(""", "rope_theta": "big" """)));

        Assert.Contains("'rope_theta'", error.Message);
        Assert.Contains("\"big\"", error.Message);
    }

    [Fact]
    public void Llama_defaults_follow_transformers()
    {
        using var folder = new TempFolder();

        var config = Parse(folder, Llama.Replace("%EXTRA%", ""));

        Assert.Equal(8, config.NumKeyValueHeads);
        Assert.Equal(8, config.HeadDim);
        Assert.Equal(1e-6, config.NormEps);
        Assert.Equal(10000, config.RopeTheta);
        Assert.False(config.TieWordEmbeddings);
        Assert.False(config.QkvBias);
        Assert.Null(config.SlidingWindow);
    }

    [SkippableFact]
    public void A_save_pretrained_GPT2_config_is_read_with_tied_embeddings_and_gelu_new()
    {
        string? folder = RepoPaths.SharedFixtures("lm-buddy-fake-gpt2");
        Skip.If(folder is null, "../shared/fixtures/lm-buddy-fake-gpt2 is not on this machine");

        var config = ModelConfig.Load(folder);

        Assert.Equal((2, 1, 1, 1024, 50257, 8), (config.HiddenSize, config.NumLayers, config.NumHeads, config.MaxPositions, config.VocabSize, config.IntermediateSize));
        Assert.True(config.TieWordEmbeddings);
        Assert.Equal("gelu_new", config.Activation);
        Assert.Equal([50256], config.EosTokenIds);
    }

    [Fact]
    public void Several_end_of_sequence_ids_are_read_as_a_list()
    {
        using var folder = new TempFolder();

        var config = Parse(folder, LlamaWith(""", "eos_token_id": [128001, 128008, 128009], "bos_token_id": 128000"""));

        Assert.Equal([128001, 128008, 128009], config.EosTokenIds);
        Assert.Equal(128000, config.BosTokenId);
    }

    [Fact]
    public void Llama3_rope_scaling_is_read_from_rope_type()
    {
        using var folder = new TempFolder();

        var config = Parse(folder, LlamaWith(""", "rope_scaling": {"rope_type": "llama3", "factor": 32.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0, "original_max_position_embeddings": 8192}"""));

        Assert.Equal(new RopeScaling { Type = "llama3", Factor = 32, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192 }, config.RopeScaling);
    }

    [Fact]
    public void Linear_rope_scaling_is_read_from_the_older_type_key()
    {
        using var folder = new TempFolder();

        var config = Parse(folder, LlamaWith(""", "rope_scaling": {"type": "linear", "factor": 2.0}"""));

        Assert.Equal(new RopeScaling { Type = "linear", Factor = 2 }, config.RopeScaling);
    }

    [Fact]
    public void Transformers_5_rope_parameters_give_theta_and_scaling()
    {
        using var folder = new TempFolder();

        var config = Parse(folder, LlamaWith(""", "rope_parameters": {"rope_type": "linear", "factor": 4.0, "rope_theta": 500000.0}"""));

        Assert.Equal(500000, config.RopeTheta);
        Assert.Equal("linear", config.RopeScaling!.Type);
    }

    [Fact]
    public void An_unsupported_rope_scaling_type_is_refused_with_the_supported_ones()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<InvalidDataException>(() => Parse(folder, LlamaWith(""", "rope_scaling": {"type": "dynamic", "factor": 2.0}""")));

        Assert.Contains("'dynamic'", error.Message);
        Assert.Contains("linear, llama3", error.Message);
    }

    [Fact]
    public void Qwen2_uses_its_sliding_window_only_when_use_sliding_window_is_true()
    {
        using var folder = new TempFolder();
        string qwen = Llama.Replace("\"llama\"", "\"qwen2\"");

        var off = Parse(folder, qwen.Replace("%EXTRA%", """, "sliding_window": 4096, "use_sliding_window": false"""));
        var on = Parse(folder, qwen.Replace("%EXTRA%", """, "sliding_window": 4096, "use_sliding_window": true, "max_window_layers": 1"""));

        Assert.Null(off.SlidingWindow);
        Assert.True(off.QkvBias);
        Assert.False(off.OutputBias);
        Assert.Equal(4096, on.SlidingWindow);
        Assert.Null(on.WindowOf(0));
        Assert.Equal(4096, on.WindowOf(1));
    }

    [Fact]
    public void Grouped_query_heads_must_divide_the_query_heads()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<InvalidDataException>(() => Parse(folder, LlamaWith(""", "num_key_value_heads": 3""")));

        Assert.Contains("multiple of num_key_value_heads", error.Message);
    }

    [Theory]
    [InlineData("gpt2")]
    [InlineData("llama")]
    [InlineData("mistral")]
    [InlineData("qwen2")]
    public void A_config_written_as_json_reads_back_equal(string family)
    {
        using var folder = new TempFolder();
        var config = TinyModels.Config(family) with
        {
            RopeScaling = family == "gpt2" ? null : new RopeScaling { Type = "llama3", Factor = 8 },
            EosTokenIds = [2, 3], BosTokenId = 1,
        };

        var read = Parse(folder, config.ToJson());

        Assert.Equal(config, read);
    }
}
