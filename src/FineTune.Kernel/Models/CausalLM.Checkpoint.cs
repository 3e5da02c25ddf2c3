using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FineTune.Kernel.IO;
using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

// Loading from and saving to Hugging Face model folders.
public sealed partial class CausalLM
{
    const string GenerationConfigFile = "generation_config.json";

    JsonObject? generationConfig;

    /// <summary>
    /// Loads a Hugging Face model folder: config.json plus model.safetensors (or a sharded
    /// model.safetensors.index.json). Weights are read straight into their tensors, one at a time.
    /// </summary>
    /// <param name="path">The model folder.</param>
    /// <param name="dtype">Float32 (default), BFloat16 (about 3x faster matmuls on CPUs with avx512_bf16) or Float16.</param>
    /// <param name="device">"cpu" (default), "cuda", "cuda:N", or "auto" (CUDA when available).</param>
    public static CausalLM Load(string path, ScalarType dtype = ScalarType.Float32, string device = "cpu")
    {
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"model folder not found: {path}");
        var model = Load(ModelConfig.Load(path), path, dtype, device);
        string generation = Path.Combine(path, GenerationConfigFile);
        if (File.Exists(generation)) model.generationConfig = ReadJsonObject(generation);
        model.Tokenizer = LoadTokenizer(path);
        return model;
    }

    /// <summary>
    /// Loads weights from <paramref name="checkpoint"/> (a .safetensors file, an index .json, or a folder)
    /// for a model described by <paramref name="config"/>.
    /// </summary>
    public static CausalLM Load(ModelConfig config, string checkpoint, ScalarType dtype = ScalarType.Float32, string device = "cpu")
    {
        config.Validate(config.Source is null ? "model config" : Path.Combine(checkpoint, "config.json"));
        using var files = ShardedCheckpoint.Open(checkpoint);
        var weights = new CheckpointWeights(files, CheckDType(dtype), ComputeDevice.Resolve(device));
        var model = new CausalLM(config, weights);
        if (config.TieWordEmbeddings && weights.Contains(ModuleNames.Head + ".weight"))
            model.CheckTiedHead(weights, files.Description);
        weights.CheckAllUsed();
        return model;
    }

    /// <summary>A tied model's checkpoint may also store lm_head.weight; it must then equal the embeddings.</summary>
    void CheckTiedHead(CheckpointWeights weights, string description)
    {
        using var stored = weights.Take(ModuleNames.Head + ".weight", [Config.VocabSize, Config.HiddenSize], WeightInit.Normal);
        if (!stored.equal(stack.Tokens.weight!).all().item<bool>())
            throw new SafetensorsException(description, ModuleNames.Head + ".weight",
                "config.json says tie_word_embeddings, but the stored lm_head.weight differs from the token embeddings");
    }

    /// <summary>
    /// End-of-sequence ids generation stops at: generation_config.json's if present, else config.json's,
    /// together with the tokenizer's.
    /// </summary>
    public IReadOnlyList<int> EosTokenIds
    {
        get
        {
            var fromGeneration = generationConfig?["eos_token_id"] switch
            {
                JsonArray ids => ids.Select(id => id!.GetValue<int>()).ToList(),
                JsonValue id when id.TryGetValue(out int single) => [single],
                _ => null,
            };
            return [.. (fromGeneration ?? Config.EosTokenIds).Concat(Tokenizer?.EosTokenIds ?? []).Distinct()];
        }
    }

    /// <summary>
    /// Saves the model as a Hugging Face folder (config.json, model.safetensors, generation_config.json
    /// when known, and the tokenizer's files) that this kit and transformers load back. Files are written atomically. With
    /// <paramref name="maxShardBytes"/>, larger checkpoints are split into shards with an index. <paramref name="dtype"/>
    /// stores the weights in another dtype than the model's (BFloat16 halves a float32 model's file; loading it
    /// with <c>dtype: Float32</c> widens the values back exactly); config.json's torch_dtype says which.
    /// </summary>
    public void Save(string folder, long? maxShardBytes = null, ScalarType? dtype = null)
    {
        var stored = CheckDType(dtype ?? DType);
        Directory.CreateDirectory(folder);
        var tensors = TensorsToSave(stored);
        var shards = Shard(tensors, maxShardBytes);
        var written = new List<string>();
        var metadata = new Dictionary<string, string> { ["format"] = "pt" };
        if (shards.Count == 1)
        {
            SafetensorsWriter.Write(Path.Combine(folder, ShardedCheckpoint.SingleFileName), shards[0], metadata);
            written.Add(ShardedCheckpoint.SingleFileName);
        }
        else
        {
            var weightMap = new JsonObject();
            for (int i = 0; i < shards.Count; i++)
            {
                string name = $"model-{i + 1:D5}-of-{shards.Count:D5}.safetensors";
                SafetensorsWriter.Write(Path.Combine(folder, name), shards[i], metadata);
                foreach (var tensor in shards[i]) weightMap[tensor.Name] = name;
                written.Add(name);
            }
            var index = new JsonObject
            {
                ["metadata"] = new JsonObject { ["total_size"] = tensors.Sum(t => t.ByteLength) },
                ["weight_map"] = weightMap,
            };
            AtomicFile.WriteAllText(Path.Combine(folder, ShardedCheckpoint.IndexFileName), index.ToJsonString(Indented));
            written.Add(ShardedCheckpoint.IndexFileName);
        }
        RemoveStaleCheckpoint(folder, written);
        var config = JsonNode.Parse(Config.ToJson())!.AsObject();
        config["torch_dtype"] = stored switch { ScalarType.BFloat16 => "bfloat16", ScalarType.Float16 => "float16", _ => "float32" };
        AtomicFile.WriteAllText(Path.Combine(folder, "config.json"), config.ToJsonString(Indented));
        Tokenizer?.Save(folder);
        if (generationConfig is not null)
            AtomicFile.WriteAllText(Path.Combine(folder, GenerationConfigFile), generationConfig.ToJsonString(Indented));
    }

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>GPT-2 stores these as Conv1D (in, out); they live here as Linear (out, in).</summary>
    static readonly Regex Conv1DWeight = new(@"\.(c_attn|c_proj|c_fc)\.weight$");

    List<TensorToWrite> TensorsToSave(ScalarType dtype) =>
        DistinctParameters().Select(p =>
        {
            var parameter = p.Parameter;
            bool transpose = Config.IsGpt2 && Conv1DWeight.IsMatch(p.Name);
            long[] shape = transpose ? [.. parameter.shape.Reverse()] : parameter.shape;
            return new TensorToWrite(p.Name, shape, dtype, () =>
            {
                var data = transpose ? parameter.detach().t().contiguous() : parameter.detach();
                if (data.dtype == dtype) return data;
                var converted = data.to(dtype);
                data.Dispose();
                return converted;
            });
        }).ToList();

    static List<List<TensorToWrite>> Shard(List<TensorToWrite> tensors, long? maxShardBytes)
    {
        var shards = new List<List<TensorToWrite>> { new() };
        long size = 0;
        foreach (var tensor in tensors)
        {
            if (maxShardBytes is { } max && size > 0 && size + tensor.ByteLength > max)
            {
                shards.Add([]);
                size = 0;
            }
            shards[^1].Add(tensor);
            size += tensor.ByteLength;
        }
        return shards;
    }

    /// <summary>
    /// Removes checkpoint files of an earlier save that the new one does not use (a stale index would
    /// otherwise win over a new single file). Runs after the new files are complete.
    /// </summary>
    static void RemoveStaleCheckpoint(string folder, List<string> written)
    {
        var candidates = Directory.EnumerateFiles(folder, "model-*-of-*.safetensors").Select(Path.GetFileName)
            .Concat([ShardedCheckpoint.IndexFileName, ShardedCheckpoint.SingleFileName]);
        foreach (string? name in candidates)
            if (name is not null && !written.Contains(name) && File.Exists(Path.Combine(folder, name)))
                File.Delete(Path.Combine(folder, name));
    }

    static JsonObject ReadJsonObject(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path}: expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e);
        }
    }
}
