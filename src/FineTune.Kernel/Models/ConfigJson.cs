using System.Text.Json;
using System.Text.Json.Nodes;

namespace FineTune.Kernel.Models;

/// <summary>
/// Reads and writes Hugging Face config.json for the supported model types. GPT-2 uses its own
/// field names (n_embd, n_layer, ...); Llama, Mistral and Qwen2 share the Llama names.
/// </summary>
static class ConfigJson
{
    public static ModelConfig Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"config.json not found: {path}", path);
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new InvalidDataException($"{path}: config.json must hold a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: config.json is not valid JSON ({e.Message})", e);
        }
        var config = Parse(json, path);
        config.Validate(path);
        return config;
    }

    public static ModelConfig Parse(JsonObject json, string path)
    {
        var fields = new Fields(json, path);
        string modelType = fields.String("model_type")
            ?? throw new InvalidDataException($"{path}: config.json has no model_type; supported: {string.Join(", ", ModelConfig.SupportedModelTypes)}");
        if (!ModelConfig.SupportedModelTypes.Contains(modelType))
            throw new InvalidDataException($"{path}: model_type '{modelType}' is not supported; supported: {string.Join(", ", ModelConfig.SupportedModelTypes)}");
        var config = modelType == "gpt2" ? ParseGpt2(fields) : ParseLlamaFamily(fields, modelType);
        return config with
        {
            BosTokenId = fields.Int("bos_token_id"),
            EosTokenIds = fields.IntList("eos_token_id"),
            PadTokenId = fields.Int("pad_token_id"),
            InitializerRange = fields.Double("initializer_range") ?? 0.02,
            Source = (JsonObject)json.DeepClone(),
        };
    }

    static ModelConfig ParseGpt2(Fields f)
    {
        if (f.Bool("scale_attn_weights") == false)
            throw new InvalidDataException($"{f.Path}: scale_attn_weights = false is not supported (attention scores are always scaled by 1/sqrt(head dim))");
        if (f.Bool("scale_attn_by_inverse_layer_idx") == true)
            throw new InvalidDataException($"{f.Path}: scale_attn_by_inverse_layer_idx = true is not supported");
        var config = new ModelConfig
        {
            ModelType = "gpt2",
            VocabSize = f.Int("vocab_size") ?? 50257,
            HiddenSize = f.Int("n_embd") ?? 768,
            NumLayers = f.Int("n_layer") ?? 12,
            NumHeads = f.Int("n_head") ?? 12,
            TieWordEmbeddings = f.Bool("tie_word_embeddings") ?? true,
        };
        if (f.Int("n_inner") is { } inner) config = config with { IntermediateSize = inner };
        if ((f.Int("n_positions") ?? f.Int("n_ctx")) is { } positions) config = config with { MaxPositions = positions };
        if (f.Double("layer_norm_epsilon") is { } eps) config = config with { NormEps = eps };
        if (f.String("activation_function") is { } activation) config = config with { Activation = activation };
        return config;
    }

    static ModelConfig ParseLlamaFamily(Fields f, string modelType)
    {
        var config = new ModelConfig
        {
            ModelType = modelType,
            VocabSize = f.RequiredInt("vocab_size"),
            HiddenSize = f.RequiredInt("hidden_size"),
            NumLayers = f.RequiredInt("num_hidden_layers"),
            NumHeads = f.RequiredInt("num_attention_heads"),
            IntermediateSize = f.RequiredInt("intermediate_size"),
            TieWordEmbeddings = f.Bool("tie_word_embeddings") ?? false,
            RopeTheta = f.Double("rope_theta") ?? 10000,
        };
        if (f.Int("num_key_value_heads") is { } kv) config = config with { NumKeyValueHeads = kv };
        if (f.Int("head_dim") is { } headDim) config = config with { HeadDim = headDim };
        if (f.Int("max_position_embeddings") is { } positions) config = config with { MaxPositions = positions };
        if (f.Double("rms_norm_eps") is { } eps) config = config with { NormEps = eps };
        if (f.String("hidden_act") is { } activation) config = config with { Activation = activation };
        if (f.Double("partial_rotary_factor") is { } partial && partial != 1)
            throw new InvalidDataException($"{f.Path}: partial_rotary_factor = {partial} is not supported (only 1)");

        var scalingObject = f.Object("rope_scaling");
        if (f.Object("rope_parameters") is { } parameters) // transformers 5 puts theta and scaling together
        {
            var p = new Fields(parameters, f.Path + " rope_parameters");
            config = config with { RopeTheta = p.Double("rope_theta") ?? config.RopeTheta };
            scalingObject ??= parameters;
        }
        config = config with { RopeScaling = ParseRopeScaling(scalingObject, f.Path) };

        if (modelType == "llama")
        {
            bool attentionBias = f.Bool("attention_bias") ?? false;
            config = config with { QkvBias = attentionBias, OutputBias = attentionBias, MlpBias = f.Bool("mlp_bias") ?? false };
        }
        if (modelType == "mistral")
            config = config with { SlidingWindow = f.Int("sliding_window") };
        if (modelType == "qwen2" && f.Bool("use_sliding_window") == true)
            config = config with { SlidingWindow = f.Int("sliding_window"), SlidingWindowFromLayer = f.Int("max_window_layers") ?? 0 };
        return config;
    }

    static RopeScaling? ParseRopeScaling(JsonObject? json, string path)
    {
        if (json is null) return null;
        var f = new Fields(json, path + " rope_scaling");
        string type = f.String("rope_type") ?? f.String("type") ?? "default";
        if (type == "default") return null;
        if (!RopeScaling.SupportedTypes.Contains(type))
            throw new InvalidDataException($"{path}: rope_scaling type '{type}' is not supported; supported: {string.Join(", ", RopeScaling.SupportedTypes)}");
        var scaling = new RopeScaling { Type = type, Factor = f.Double("factor") ?? throw new InvalidDataException($"{path}: rope_scaling has no factor") };
        if (type == "llama3")
            scaling = scaling with
            {
                LowFreqFactor = f.Double("low_freq_factor") ?? 1,
                HighFreqFactor = f.Double("high_freq_factor") ?? 4,
                OriginalMaxPositions = f.Int("original_max_position_embeddings") ?? 8192,
            };
        return scaling;
    }

    public static string Write(ModelConfig config)
    {
        var json = (JsonObject?)config.Source?.DeepClone() ?? new JsonObject();
        json["model_type"] = config.ModelType;
        json["architectures"] = new JsonArray(Architecture(config.ModelType));
        json["vocab_size"] = config.VocabSize;
        if (config.IsGpt2) WriteGpt2(json, config);
        else WriteLlamaFamily(json, config);
        json["tie_word_embeddings"] = config.TieWordEmbeddings;
        json["initializer_range"] = config.InitializerRange;
        SetOrRemove(json, "bos_token_id", config.BosTokenId);
        SetOrRemove(json, "pad_token_id", config.PadTokenId);
        json["eos_token_id"] = config.EosTokenIds.Count switch
        {
            0 => null,
            1 => config.EosTokenIds[0],
            _ => new JsonArray(config.EosTokenIds.Select(id => (JsonNode?)id).ToArray()),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    static string Architecture(string modelType) => modelType switch
    {
        "gpt2" => "GPT2LMHeadModel",
        "llama" => "LlamaForCausalLM",
        "mistral" => "MistralForCausalLM",
        _ => "Qwen2ForCausalLM",
    };

    static void WriteGpt2(JsonObject json, ModelConfig c)
    {
        json["n_embd"] = c.HiddenSize;
        json["n_layer"] = c.NumLayers;
        json["n_head"] = c.NumHeads;
        json["n_positions"] = c.MaxPositions;
        json["n_ctx"] = c.MaxPositions;
        json["n_inner"] = c.IntermediateSize == 4 * c.HiddenSize ? null : c.IntermediateSize;
        json["layer_norm_epsilon"] = c.NormEps;
        json["activation_function"] = c.Activation;
    }

    static void WriteLlamaFamily(JsonObject json, ModelConfig c)
    {
        json["hidden_size"] = c.HiddenSize;
        json["intermediate_size"] = c.IntermediateSize;
        json["num_hidden_layers"] = c.NumLayers;
        json["num_attention_heads"] = c.NumHeads;
        json["num_key_value_heads"] = c.NumKeyValueHeads;
        json["head_dim"] = c.HeadDim;
        json["max_position_embeddings"] = c.MaxPositions;
        json["rms_norm_eps"] = c.NormEps;
        json["hidden_act"] = c.Activation;
        json["rope_theta"] = c.RopeTheta;
        json["rope_scaling"] = c.RopeScaling is { } s
            ? s.Type == "linear"
                ? new JsonObject { ["rope_type"] = "linear", ["factor"] = s.Factor }
                : new JsonObject
                {
                    ["rope_type"] = "llama3", ["factor"] = s.Factor, ["low_freq_factor"] = s.LowFreqFactor,
                    ["high_freq_factor"] = s.HighFreqFactor, ["original_max_position_embeddings"] = s.OriginalMaxPositions,
                }
            : null;
        json.Remove("rope_parameters");
        if (c.ModelType == "llama")
        {
            if (c.QkvBias != c.OutputBias)
                throw new InvalidOperationException("llama's config.json has one attention_bias for q/k/v and o_proj; QkvBias and OutputBias must agree");
            json["attention_bias"] = c.QkvBias;
            json["mlp_bias"] = c.MlpBias;
        }
        if (c.ModelType == "mistral") json["sliding_window"] = c.SlidingWindow;
        if (c.ModelType == "qwen2")
        {
            json["use_sliding_window"] = c.SlidingWindow is not null;
            json["sliding_window"] = c.SlidingWindow;
            json["max_window_layers"] = c.SlidingWindowFromLayer;
        }
    }

    static void SetOrRemove(JsonObject json, string name, int? value)
    {
        if (value is null) json.Remove(name);
        else json[name] = value;
    }

    /// <summary>Typed access to config fields; a field of the wrong type is an error naming the file and field.</summary>
    sealed class Fields(JsonObject json, string path)
    {
        public string Path => path;

        JsonNode? Node(string name) => json.TryGetPropertyValue(name, out var node) ? node : null;

        Exception Wrong(string name, string expected) =>
            new InvalidDataException($"{path}: field '{name}' should be {expected}, found {Node(name)?.ToJsonString()}");

        public string? String(string name) => Node(name) switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out string? s) => s,
            _ => throw Wrong(name, "a string"),
        };

        public int? Int(string name) => Node(name) switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out int i) => i,
            JsonValue v when v.TryGetValue(out double d) && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue => (int)d,
            _ => throw Wrong(name, "an integer"),
        };

        public int RequiredInt(string name) => Int(name) ?? throw new InvalidDataException($"{path}: config.json has no '{name}'");

        public double? Double(string name) => Node(name) switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out double d) => d,
            _ => throw Wrong(name, "a number"),
        };

        public bool? Bool(string name) => Node(name) switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out bool b) => b,
            _ => throw Wrong(name, "true or false"),
        };

        public JsonObject? Object(string name) => Node(name) switch
        {
            null => null,
            JsonObject o => o,
            _ => throw Wrong(name, "an object or null"),
        };

        public IReadOnlyList<int> IntList(string name) => Node(name) switch
        {
            null => [],
            JsonArray a => a.Select((_, i) => a[i] is JsonValue v && v.TryGetValue(out int id) ? id : throw Wrong(name, "an integer or a list of integers")).ToList(),
            _ => [Int(name)!.Value],
        };
    }
}
