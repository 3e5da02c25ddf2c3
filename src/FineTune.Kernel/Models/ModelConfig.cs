namespace FineTune.Kernel.Models;

/// <summary>
/// The shape of a decoder-only language model, as Hugging Face's config.json describes it, for
/// model types gpt2, llama, mistral and qwen2. Read one with <see cref="Load"/>, or write one in
/// code for a fresh model: <c>new ModelConfig { ModelType = "llama", VocabSize = 512, HiddenSize = 64, NumLayers = 2, NumHeads = 4 }</c>.
/// Fields left unset take the defaults of the model type (as transformers' config classes do).
/// </summary>
public sealed record ModelConfig
{
    /// <summary>The model types this kit implements.</summary>
    public static IReadOnlyList<string> SupportedModelTypes { get; } = ["gpt2", "llama", "mistral", "qwen2"];

    int? numKeyValueHeads, headDim, intermediateSize, maxPositions;
    double? normEps;
    string? activation;
    bool? qkvBias, outputBias, mlpBias, tieWordEmbeddings;

    /// <summary>gpt2, llama, mistral or qwen2.</summary>
    public required string ModelType { get; init; }

    /// <summary>Number of token ids.</summary>
    public required int VocabSize { get; init; }

    /// <summary>Width of the residual stream (GPT-2: n_embd).</summary>
    public required int HiddenSize { get; init; }

    /// <summary>Number of decoder blocks (GPT-2: n_layer).</summary>
    public required int NumLayers { get; init; }

    /// <summary>Number of query heads (GPT-2: n_head).</summary>
    public required int NumHeads { get; init; }

    /// <summary>Number of key/value heads; fewer than <see cref="NumHeads"/> means grouped-query attention. Default: NumHeads.</summary>
    public int NumKeyValueHeads { get => numKeyValueHeads ?? NumHeads; init => numKeyValueHeads = value; }

    /// <summary>Width of one head. Default: HiddenSize / NumHeads.</summary>
    public int HeadDim { get => headDim ?? HiddenSize / NumHeads; init => headDim = value; }

    /// <summary>Width of the MLP's hidden layer (GPT-2: n_inner). Default: 4 x HiddenSize.</summary>
    public int IntermediateSize { get => intermediateSize ?? 4 * HiddenSize; init => intermediateSize = value; }

    /// <summary>Longest sequence the model was built for (n_positions / max_position_embeddings). Default: 1024 (gpt2), 2048 (others).</summary>
    public int MaxPositions { get => maxPositions ?? (IsGpt2 ? 1024 : 2048); init => maxPositions = value; }

    /// <summary>Epsilon of LayerNorm (gpt2) or RMSNorm (others). Default: 1e-5 (gpt2), 1e-6 (others).</summary>
    public double NormEps { get => normEps ?? (IsGpt2 ? 1e-5 : 1e-6); init => normEps = value; }

    /// <summary>The MLP's activation: gelu_new, gelu_pytorch_tanh or gelu (gpt2); silu (others, SwiGLU).</summary>
    public string Activation { get => activation ?? (IsGpt2 ? "gelu_new" : "silu"); init => activation = value; }

    /// <summary>Base of the rotary position frequencies (not used by gpt2).</summary>
    public double RopeTheta { get; init; } = 10000;

    /// <summary>Rotary scaling for long contexts, or null for none.</summary>
    public RopeScaling? RopeScaling { get; init; }

    /// <summary>Mistral/Qwen2 sliding window: query i sees key j only when 0 &lt;= i - j &lt; window. Null: full causal attention.</summary>
    public int? SlidingWindow { get; init; }

    /// <summary>Qwen2's max_window_layers: layers from this index on use the sliding window (0 = all layers).</summary>
    public int SlidingWindowFromLayer { get; init; }

    /// <summary>Whether q/k/v projections have a bias (gpt2 and qwen2 yes; llama with attention_bias).</summary>
    public bool QkvBias { get => qkvBias ?? (IsGpt2 || ModelType == "qwen2"); init => qkvBias = value; }

    /// <summary>Whether the attention output projection has a bias (gpt2 yes; llama with attention_bias).</summary>
    public bool OutputBias { get => outputBias ?? IsGpt2; init => outputBias = value; }

    /// <summary>Whether MLP projections have a bias (gpt2 yes; llama with mlp_bias).</summary>
    public bool MlpBias { get => mlpBias ?? IsGpt2; init => mlpBias = value; }

    /// <summary>Whether the output head reuses the token embedding matrix. Default: true for gpt2, false for the others.</summary>
    public bool TieWordEmbeddings { get => tieWordEmbeddings ?? IsGpt2; init => tieWordEmbeddings = value; }

    /// <summary>Standard deviation of the normal initialisation of a fresh model.</summary>
    public double InitializerRange { get; init; } = 0.02;

    /// <summary>Beginning-of-sequence token id, if the config names one.</summary>
    public int? BosTokenId { get; init; }

    /// <summary>End-of-sequence token ids (Llama 3 lists several).</summary>
    public IReadOnlyList<int> EosTokenIds { get; init; } = [];

    /// <summary>Padding token id, if the config names one.</summary>
    public int? PadTokenId { get; init; }

    /// <summary>The original config.json, kept so that saving writes back the fields this kit does not read.</summary>
    internal System.Text.Json.Nodes.JsonObject? Source { get; init; }

    internal bool IsGpt2 => ModelType == "gpt2";

    /// <summary>Reads config.json (pass the file or the model folder).</summary>
    public static ModelConfig Load(string path) =>
        ConfigJson.Read(Directory.Exists(path) ? System.IO.Path.Combine(path, "config.json") : path);

    /// <summary>This config as Hugging Face config.json text (fields read from the original file are kept).</summary>
    public string ToJson() => ConfigJson.Write(this);

    /// <summary>Whether layer <paramref name="layer"/> attends through the sliding window.</summary>
    internal int? WindowOf(int layer) => SlidingWindow is not null && layer >= SlidingWindowFromLayer ? SlidingWindow : null;

    /// <summary>Throws when the numbers cannot make a model; <paramref name="source"/> names the file in the message.</summary>
    internal void Validate(string source)
    {
        void Require(bool ok, string problem)
        {
            if (!ok) throw new InvalidDataException($"{source}: {problem}");
        }
        Require(SupportedModelTypes.Contains(ModelType), $"model_type '{ModelType}' is not supported; supported: {string.Join(", ", SupportedModelTypes)}");
        Require(VocabSize > 0 && HiddenSize > 0 && NumLayers > 0 && NumHeads > 0 && NumKeyValueHeads > 0 && HeadDim > 0 && IntermediateSize > 0 && MaxPositions > 0,
            "vocab size, hidden size, layers, heads, head dim, intermediate size and max positions must all be positive");
        Require(NumHeads % NumKeyValueHeads == 0, $"num_attention_heads ({NumHeads}) must be a multiple of num_key_value_heads ({NumKeyValueHeads})");
        if (IsGpt2)
        {
            Require(HiddenSize == NumHeads * HeadDim, $"n_embd ({HiddenSize}) must be n_head ({NumHeads}) x head dim ({HeadDim})");
            Require(NumKeyValueHeads == NumHeads, "gpt2 has no grouped-query attention");
            Require(Activation is "gelu_new" or "gelu_pytorch_tanh" or "gelu", $"activation_function '{Activation}' is not supported for gpt2; supported: gelu_new, gelu_pytorch_tanh, gelu");
        }
        else
        {
            Require(HeadDim % 2 == 0, $"head_dim ({HeadDim}) must be even for rotary embeddings");
            Require(Activation is "silu" or "swish", $"hidden_act '{Activation}' is not supported; supported: silu");
        }
        Require(SlidingWindow is null or > 0, $"sliding_window ({SlidingWindow}) must be positive");
        if (RopeScaling is { } scaling)
        {
            Require(RopeScaling.SupportedTypes.Contains(scaling.Type), $"rope_scaling type '{scaling.Type}' is not supported; supported: {string.Join(", ", RopeScaling.SupportedTypes)}");
            Require(scaling.Factor > 0, "rope_scaling factor must be positive");
            Require(scaling.Type != "llama3" || scaling.HighFreqFactor > scaling.LowFreqFactor, "rope_scaling high_freq_factor must exceed low_freq_factor");
        }
    }

    /// <summary>Equal when every effective value is equal (defaults resolved, id lists compared by content, the original JSON ignored).</summary>
    public bool Equals(ModelConfig? other) =>
        other is not null && Key().Equals(other.Key()) && EosTokenIds.SequenceEqual(other.EosTokenIds);

    /// <inheritdoc />
    public override int GetHashCode() => Key().GetHashCode();

    object Key() => (ModelType, VocabSize, HiddenSize, NumLayers, NumHeads, NumKeyValueHeads, HeadDim, IntermediateSize,
        (MaxPositions, NormEps, Activation, RopeTheta, RopeScaling, SlidingWindow, SlidingWindowFromLayer),
        (QkvBias, OutputBias, MlpBias, TieWordEmbeddings, InitializerRange, BosTokenId, PadTokenId));

    /// <inheritdoc />
    public override string ToString() =>
        $"{ModelType}: {NumLayers} layers, hidden {HiddenSize}, {NumHeads} heads" +
        (NumKeyValueHeads != NumHeads ? $" ({NumKeyValueHeads} kv)" : "") +
        $", head dim {HeadDim}, mlp {IntermediateSize}, vocab {VocabSize}, max positions {MaxPositions}" +
        (SlidingWindow is { } w ? $", sliding window {w}" : "") + (TieWordEmbeddings ? ", tied embeddings" : "");
}
