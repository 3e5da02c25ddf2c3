using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

using FineTune.Kernel.Notebook;

namespace FineTune.Kernel.Models;

/// <summary>
/// A decoder-only language model (GPT-2, Llama, Mistral, Qwen2) in Hugging Face's layout:
/// parameter names, shapes and config match transformers, so checkpoints and adapters map one to one.
/// <code>
/// var model = CausalLM.Load("models/SmolLM2-135M");
/// model.Generate("Once upon a time", maxNewTokens: 40)
/// </code>
/// It is a TorchSharp module: <c>model.call(ids)</c> maps token ids (B, T) to logits (B, T, vocab).
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed partial class CausalLM : nn.Module<Tensor, Tensor>, IHtmlRenderable
{
    readonly DecoderStack stack;
    readonly Linear? head;

    CausalLM(ModelConfig config, WeightSource weights) : base(nameof(CausalLM))
    {
        Config = config;
        DType = weights.DType;
        Device = weights.Device;
        using var _ = no_grad();
        stack = new DecoderStack(config, weights);
        register_module(ModuleNames.For(config).Trunk, stack);
        if (!config.TieWordEmbeddings)
        {
            head = weights.Linear(ModuleNames.Head, config.HiddenSize, config.VocabSize, bias: false);
            register_module(ModuleNames.Head, head);
        }
    }

    /// <summary>The architecture (from config.json).</summary>
    public ModelConfig Config { get; }

    /// <summary>The dtype the weights are held and computed in (Float32, BFloat16 or Float16).</summary>
    public ScalarType DType { get; }

    /// <summary>Where the weights live (CPU unless CUDA was asked for).</summary>
    public Device Device { get; }

    /// <summary>
    /// A fresh model with random weights (normal(0, initializer_range), as transformers initialises
    /// them), reproducible from <paramref name="seed"/>: for tests, tiny experiments and pretraining from scratch.
    /// </summary>
    public static CausalLM Create(ModelConfig config, int seed = 0, ScalarType dtype = ScalarType.Float32, string device = "cpu")
    {
        config.Validate("model config");
        return new CausalLM(config, new RandomWeights(config, seed, CheckDType(dtype), ComputeDevice.Resolve(device)));
    }

    /// <summary>Logits (B, T, vocab) for token ids (B, T), every position, full causal attention, no cache.</summary>
    public override Tensor forward(Tensor inputIds) => Forward(inputIds, null, null, null, lastPositionOnly: false);

    /// <summary>
    /// The forward pass used by generation and scoring. <paramref name="positionIds"/> (B, T) defaults to
    /// past..past+T-1; <paramref name="keyPadding"/> (B, past + T) marks real tokens (false = padding).
    /// </summary>
    internal Tensor Forward(Tensor ids, Tensor? positionIds, Tensor? keyPadding, KvCache? cache, bool lastPositionOnly)
    {
        using var scope = NewDisposeScope();
        if (ids.dim() != 2) throw new ArgumentException($"token ids must be (batch, time); got shape [{string.Join(", ", ids.shape)}]", nameof(ids));
        ids = ids.to(ScalarType.Int64, Device);
        long past = cache?.Length ?? 0, b = ids.shape[0], t = ids.shape[1];
        if (Config.IsGpt2 && past + t > Config.MaxPositions)
            throw new ArgumentException($"{past + t} positions exceed this GPT-2 model's {Config.MaxPositions} learned positions (n_positions)");
        positionIds = positionIds?.to(ScalarType.Int64, Device) ?? arange(past, past + t, ScalarType.Int64, Device).unsqueeze(0).expand(b, t);
        var hidden = stack.Forward(ids, positionIds, keyPadding?.to(ScalarType.Bool, Device), cache);   // (B, T, C)
        if (lastPositionOnly) hidden = hidden.narrow(1, t - 1, 1);                                     // (B, 1, C)
        var logits = head is null ? F.linear(hidden, stack.Tokens.weight!) : head.call(hidden);       // (B, T, V)
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The parameters an optimiser should update: those with requires_grad, each exactly once.
    /// (TorchSharp may list a shared tensor twice in parameters(); here a tied embedding/head is one entry.)
    /// </summary>
    public IReadOnlyList<Parameter> TrainableParameters() =>
        DistinctParameters().Where(p => p.Parameter.requires_grad).Select(p => p.Parameter).ToList();

    /// <summary>Every parameter with its Hugging Face name, each tensor once (a tied head appears under the embedding's name).</summary>
    public IReadOnlyList<(string Name, Parameter Parameter)> DistinctParameters()
    {
        var seen = new HashSet<(nint, long)>();
        return named_parameters().Where(p => seen.Add(StorageKey(p.parameter))).ToList();
    }

    /// <summary>Number of distinct parameter elements (a tied head counted once).</summary>
    public long ParameterCount => DistinctParameters().Sum(p => p.Parameter.numel());

    /// <summary>Where a parameter's data lives: two parameters with the same key are one tensor.</summary>
    static (nint, long) StorageKey(Tensor tensor)
    {
        if (tensor.device_type != TorchSharp.DeviceType.CPU || tensor.numel() == 0 || !tensor.is_contiguous())
            return (tensor.Handle, -1);
        ref byte first = ref MemoryMarshal.GetReference(tensor.bytes);
        return (Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref first), tensor.numel() * tensor.ElementSize);
    }

    static ScalarType CheckDType(ScalarType dtype) => dtype is ScalarType.Float32 or ScalarType.BFloat16 or ScalarType.Float16
        ? dtype
        : throw new ArgumentException($"dtype {dtype} is not supported for models; use Float32, BFloat16 or Float16", nameof(dtype));

    /// <summary>A small table of the architecture, for a notebook.</summary>
    public string ToHtml()
    {
        var rows = new (string, string)[]
        {
            ("model type", Config.ModelType), ("layers", $"{Config.NumLayers}"), ("hidden size", $"{Config.HiddenSize}"),
            ("heads (key/value)", $"{Config.NumHeads} ({Config.NumKeyValueHeads})"), ("vocabulary", Count(Config.VocabSize)),
            ("max positions", Count(Config.MaxPositions)), ("parameters", Count(ParameterCount)),
            ("tied embeddings", Config.TieWordEmbeddings ? "yes" : "no"), ("dtype / device", $"{DType} / {Device.type.ToString().ToLowerInvariant()}"),
        };
        return NotebookHtml.Table(["", "value"], rows.Select(r => new object?[] { r.Item1, r.Item2 }));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Config.ModelType} causal LM: {Config.NumLayers} layers, hidden {Config.HiddenSize}, {Config.NumHeads} heads" +
        (Config.NumKeyValueHeads != Config.NumHeads ? $" ({Config.NumKeyValueHeads} kv)" : "") +
        $", vocab {Config.VocabSize}, {Count(ParameterCount)} parameters, {DType} on {Device.type.ToString().ToLowerInvariant()}";

    static string Count(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
