using System.Text.Json;
using FineTune.Kernel.Models;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Models;

/// <summary>
/// The neural-api-parity checkpoints in ../shared/fixtures: tiny Hugging Face-layout models with
/// float64 reference logits for every position of three 16-token sequences.
/// </summary>
static class ParityFixtures
{
    public static string? Folder => RepoPaths.SharedFixtures("neural-api-parity");

    public const string Missing = "../shared/fixtures/neural-api-parity is not on this machine";

    /// <summary>The GPT-2 fixtures ship no config.json; their dimensions are in SOURCE.md and the logits file.</summary>
    public static ModelConfig Gpt2(int vocab) => new()
    {
        ModelType = "gpt2", VocabSize = vocab, HiddenSize = 8, NumLayers = 2, NumHeads = 2, MaxPositions = 16, IntermediateSize = 32,
    };

    public static ModelConfig ConfigOf(string name) => name switch
    {
        "gpt2" => Gpt2(11),
        "distilgpt2" => Gpt2(12),
        "llama" or "llama-sharded" => ModelConfig.Load(Path.Combine(Folder!, "llama/tiny_llama_config.json")),
        _ => ModelConfig.Load(Path.Combine(Folder!, $"{name}/tiny_{name}_config.json")),
    };

    public static string CheckpointOf(string name) => Path.Combine(Folder!, name switch
    {
        "gpt2" => "gpt2/tiny_gpt2.safetensors",
        "distilgpt2" => "gpt2/tiny_distilgpt2.safetensors",
        "llama-sharded" => "llama/tiny_llama.safetensors.index.json",
        _ => $"{name}/tiny_{name}.safetensors",
    });

    public static string LogitsOf(string name) => Path.Combine(Folder!, name switch
    {
        "gpt2" => "gpt2/tiny_gpt2_logits.json",
        "distilgpt2" => "gpt2/tiny_distilgpt2_logits.json",
        "llama-sharded" => "llama/tiny_llama_logits.json",
        _ => $"{name}/tiny_{name}_logits.json",
    });

    public static CausalLM Load(string name, TorchSharp.torch.ScalarType dtype = TorchSharp.torch.ScalarType.Float32) =>
        CausalLM.Load(ConfigOf(name), CheckpointOf(name), dtype);

    /// <summary>The three token sequences and their reference logits [sequence][position][token].</summary>
    public static (long[][] Sequences, double[][][] Logits) Reference(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(LogitsOf(name)));
        var root = document.RootElement;
        var sequences = root.GetProperty("sequences").EnumerateArray().Select(s => s.EnumerateArray().Select(t => t.GetInt64()).ToArray()).ToArray();
        var logits = root.GetProperty("logits").EnumerateArray()
            .Select(s => s.EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray()).ToArray();
        return (sequences, logits);
    }
}
