using System.Text.Json;
using FineTune.Kernel.Models;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Cli;

/// <summary>finetune pretrain end to end on a tiny configuration and a generated corpus.</summary>
public class PretrainCommandTests
{
    static (int Exit, string Output, string Error) Run(params string[] args) => FinetuneCli.Run(args);

    static string[] TinyRun(TempFolder folder, params string[] extra)
    {
        File.WriteAllText(folder.File("corpus.txt"), GeneratedStories.Text(300, seed: 3));
        File.WriteAllText(folder.File("valid.txt"), GeneratedStories.Text(30, seed: 4));
        return ["pretrain", "--corpus", folder.File("corpus.txt"), "--valid", folder.File("valid.txt"), "--out", folder.File("model"),
            "--vocab-size", "320", "--layers", "1", "--dim", "32", "--heads", "4", "--kv-heads", "2", "--ffn-dim", "64",
            "--block-size", "16", "--batch-size", "4", "--steps", "20", "--warmup", "2", "--eval-every", "10", "--log-every", "5", .. extra];
    }

    [Fact]
    public void Pretrain_writes_a_hugging_face_folder_that_loads_and_generates()
    {
        using var folder = new TempFolder();

        var (exit, output, error) = Run(TinyRun(folder));

        Assert.True(exit == 0, error);
        string model = folder.File("model");
        foreach (string file in new[] { "config.json", "model.safetensors", "generation_config.json", "tokenizer.json", "vocab.json", "merges.txt",
            "tokenizer_config.json", "special_tokens_map.json", "metrics.jsonl", "train-args.json" })
            Assert.True(File.Exists(Path.Combine(model, file)), file);
        var loaded = CausalLM.Load(model);
        Assert.Equal("llama", loaded.Config.ModelType);
        Assert.True(loaded.Config.TieWordEmbeddings);
        Assert.Equal((1, 32, 4, 2, 64, 16, 320), (loaded.Config.NumLayers, loaded.Config.HiddenSize, loaded.Config.NumHeads,
            loaded.Config.NumKeyValueHeads, loaded.Config.IntermediateSize, loaded.Config.MaxPositions, loaded.Config.VocabSize));
        Assert.Equal([0], loaded.EosTokenIds);
        Assert.Equal(0, loaded.Tokenizer!.BosTokenId);
        Assert.Equal(12, loaded.Generate("Once upon a time", maxNewTokens: 12).TokenIds.Count);
        Assert.Contains("    20 ", output);
        Assert.Contains("sample      Once upon a time", output);
    }

    [Fact]
    public void Pretrain_records_its_options_and_every_step()
    {
        using var folder = new TempFolder();

        var (exit, _, error) = Run(TinyRun(folder, "--seed", "5"));

        Assert.True(exit == 0, error);
        var args = JsonDocument.Parse(File.ReadAllText(folder.File("model/train-args.json"))).RootElement;
        Assert.Equal("--corpus", args.GetProperty("args")[1].GetString());
        var options = args.GetProperty("options");
        Assert.Equal(5, options.GetProperty("seed").GetInt32());
        Assert.Equal(320, options.GetProperty("vocab_size").GetInt32());
        Assert.Equal(0.001, options.GetProperty("lr").GetDouble());                 // defaults are recorded too
        var steps = File.ReadAllLines(folder.File("model/metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("step").GetInt32());
        Assert.Equal(Enumerable.Range(0, 21), steps);
    }

    [Fact]
    public void Weights_saved_as_bfloat16_take_half_the_space_and_load_into_float32()
    {
        using var fp32 = new TempFolder();
        using var bf16 = new TempFolder();

        var (exit32, _, _) = Run(TinyRun(fp32));
        var (exit16, output16, error16) = Run(TinyRun(bf16, "--save-dtype", "bf16"));

        Assert.Equal(0, exit32);
        Assert.True(exit16 == 0, error16);
        long full = new FileInfo(fp32.File("model/model.safetensors")).Length, half = new FileInfo(bf16.File("model/model.safetensors")).Length;
        Assert.InRange(half, full / 2 - 2000, full / 2 + 2000);                       // the headers differ a little
        var widened = CausalLM.Load(bf16.File("model"));
        var original = CausalLM.Load(fp32.File("model"));
        Assert.Equal(TorchSharp.torch.ScalarType.Float32, widened.DType);
        string text = GeneratedStories.Text(5, seed: 9);
        Assert.Equal(original.Perplexity(text).Perplexity, widened.Perplexity(text).Perplexity, 0.05 * original.Perplexity(text).Perplexity);
        Assert.Contains("loaded as float32: valid loss", output16);
    }

    [Fact]
    public void A_missing_corpus_is_one_error_line_naming_the_file()
    {
        using var folder = new TempFolder();

        var (exit, _, error) = Run("pretrain", "--corpus", folder.File("none.txt"), "--out", folder.File("model"));

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: corpus file not found: {folder.File("none.txt")}", error);
    }
}
