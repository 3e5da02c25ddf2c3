using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Kernel.IO;
using FineTune.Kernel.Models;
using FineTune.Kernel.Text;
using FineTune.Kernel.Training;
using static TorchSharp.torch;

namespace FineTune.Cli.Commands;

/// <summary>
/// <c>finetune pretrain</c>: trains a byte-level BPE tokenizer on a text corpus, then a small Llama-style
/// model from scratch on it, and saves both as one Hugging Face model folder.
/// </summary>
static class PretrainCommand
{
    /// <summary>Every option's value, defaults resolved: what train-args.json records.</summary>
    sealed record Settings(
        string Corpus, string Out, string? Valid, double ValidFraction, int VocabSize, int Layers, int Dim, int Heads, int KvHeads,
        int FfnDim, int BlockSize, int BatchSize, int Steps, double Lr, double? MinLr, int Warmup, double WeightDecay, double GradClip,
        int EvalEvery, int? EvalBatches, int LogEvery, int SaveEvery, int Seed, int? Threads, string SaveDtype, string SamplePrompt);

    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "Training text (UTF-8); documents are separated by blank lines", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for the model, tokenizer, metrics.jsonl and train-args.json", Required = true };
        var valid = new Option<string?>("--valid") { Description = "Held-out text (default: the last --valid-fraction of the corpus documents)" };
        var validFraction = Option("--valid-fraction", "Share of the corpus documents held out when --valid is not given", 0.05);
        var vocabSize = Option("--vocab-size", "Tokenizer vocabulary size (special token and 256 bytes included)", 3072);
        var layers = Option("--layers", "Decoder blocks", 4);
        var dim = Option("--dim", "Hidden size", 256);
        var heads = Option("--heads", "Attention (query) heads", 4);
        var kvHeads = Option("--kv-heads", "Key/value heads (fewer than --heads: grouped-query attention)", 2);
        var ffnDim = Option("--ffn-dim", "SwiGLU hidden size", 688);
        var blockSize = Option("--block-size", "Tokens of context per sequence (also the model's max positions)", 256);
        var batchSize = Option("--batch-size", "Sequences per step", 16);
        var steps = Option("--steps", "Optimiser steps", 2000);
        var lr = Option("--lr", "Peak learning rate", 1e-3);
        var minLr = new Option<double?>("--min-lr") { Description = "Learning rate at the end of the cosine (default: --lr / 10)" };
        var warmup = Option("--warmup", "Linear warmup steps", 100);
        var weightDecay = Option("--weight-decay", "AdamW weight decay (weight matrices only)", 0.1);
        var gradClip = Option("--grad-clip", "Clip the gradient norm to this (0 = off)", 1.0);
        var evalEvery = Option("--eval-every", "Held-out loss every this many steps (0 = only before and after)", 100);
        var evalBatches = new Option<int?>("--eval-batches") { Description = "At most this many held-out batches per evaluation (default: all)" };
        var logEvery = Option("--log-every", "Print a line every this many steps", 10);
        var saveEvery = Option("--save-every", "Also save the model every this many steps (0 = only at the end)", 0);
        var seed = Option("--seed", "Seed of the initial weights and the block order", 1);
        var threads = new Option<int?>("--threads") { Description = "CPU threads for TorchSharp (default: libtorch's choice)" };
        var saveDtype = Option("--save-dtype", "Weights on disk: fp32 or bf16 (half the size; loads into float32)", "fp32");
        var samplePrompt = Option("--sample-prompt", "Text the finished model continues, printed at the end (empty = none)", "Once upon a time");

        var command = new Command("pretrain", "Train a tokenizer and a small Llama-style model from scratch on a text corpus; save a Hugging Face folder.");
        foreach (var option in new Option[] { corpus, output, valid, validFraction, vocabSize, layers, dim, heads, kvHeads, ffnDim, blockSize, batchSize,
            steps, lr, minLr, warmup, weightDecay, gradClip, evalEvery, evalBatches, logEvery, saveEvery, seed, threads, saveDtype, samplePrompt })
            command.Options.Add(option);
        command.SetAction(parse => ModelArguments.Run(parse, () =>
        {
            var settings = new Settings(parse.GetValue(corpus)!, parse.GetValue(output)!, parse.GetValue(valid), parse.GetValue(validFraction),
                parse.GetValue(vocabSize), parse.GetValue(layers), parse.GetValue(dim), parse.GetValue(heads), parse.GetValue(kvHeads),
                parse.GetValue(ffnDim), parse.GetValue(blockSize), parse.GetValue(batchSize), parse.GetValue(steps), parse.GetValue(lr),
                parse.GetValue(minLr), parse.GetValue(warmup), parse.GetValue(weightDecay), parse.GetValue(gradClip), parse.GetValue(evalEvery),
                parse.GetValue(evalBatches), parse.GetValue(logEvery), parse.GetValue(saveEvery), parse.GetValue(seed), parse.GetValue(threads),
                parse.GetValue(saveDtype)!, parse.GetValue(samplePrompt)!);
            return Pretrain(settings, parse.Tokens.Select(t => t.Value).ToList(), parse.InvocationConfiguration.Output);
        }));
        return command;
    }

    static Option<T> Option<T>(string name, string description, T fallback) =>
        new(name) { Description = description, DefaultValueFactory = _ => fallback };

    static int Pretrain(Settings s, IReadOnlyList<string> args, TextWriter console)
    {
        var storedDtype = ModelArguments.ParseDType("--save-dtype", s.SaveDtype, allowFloat16: false);
        if (s.Threads is int n) set_num_threads(n);
        Directory.CreateDirectory(s.Out);
        string metricsFile = Path.Combine(s.Out, "metrics.jsonl");
        if (File.Exists(metricsFile)) File.Delete(metricsFile);       // a new run, not a continuation
        WriteJson(Path.Combine(s.Out, "train-args.json"), new JsonObject
        {
            ["command"] = "finetune pretrain",
            ["args"] = new JsonArray([.. args.Select(a => (JsonNode?)a)]),
            ["options"] = JsonSerializer.SerializeToNode(s, SnakeCase),
        });

        var (trainDocs, validDocs, validSource) = Documents(s);
        console.WriteLine(Invariant($"corpus      {trainDocs.Count:N0} documents for training, {validDocs.Count:N0} held out ({validSource})"));

        var bpe = BpeTrainer.Train(trainDocs, new BpeTrainerOptions { VocabSize = s.VocabSize, ModelMaxLength = s.BlockSize });
        bpe.Save(s.Out);
        var tokenizer = TextTokenizer.Load(s.Out);
        console.WriteLine($"tokenizer   {bpe}");

        var train = TokenBlocks.FromDocuments(trainDocs, tokenizer, s.BlockSize, s.BatchSize, s.Seed);
        var held = TokenBlocks.FromDocuments(validDocs, tokenizer, s.BlockSize, s.BatchSize, s.Seed);
        console.WriteLine($"tokens      train {train}; valid {held}");

        int eot = tokenizer.EosTokenId ?? throw new InvalidOperationException("the trained tokenizer has no end-of-text token");
        var config = new ModelConfig
        {
            ModelType = "llama", VocabSize = tokenizer.VocabSize, HiddenSize = s.Dim, NumLayers = s.Layers, NumHeads = s.Heads,
            NumKeyValueHeads = s.KvHeads, IntermediateSize = s.FfnDim, MaxPositions = s.BlockSize, NormEps = 1e-5, TieWordEmbeddings = true,
            BosTokenId = eot, EosTokenIds = [eot], PadTokenId = eot,
        };
        using var model = CausalLM.Create(config, s.Seed);
        model.Tokenizer = tokenizer;
        console.WriteLine(Invariant($"model       {model}; on disk {MegaBytes(model.ParameterCount * 4)} as fp32, {MegaBytes(model.ParameterCount * 2)} as bf16"));
        WriteJson(Path.Combine(s.Out, "generation_config.json"), new JsonObject { ["bos_token_id"] = eot, ["eos_token_id"] = eot, ["pad_token_id"] = eot });

        var options = new TrainerOptions
        {
            Steps = s.Steps, LearningRate = s.Lr, MinLearningRate = s.MinLr, WarmupSteps = s.Warmup, WeightDecay = s.WeightDecay,
            GradClip = s.GradClip, EvalEvery = s.EvalEvery > 0 ? s.EvalEvery : s.Steps, EvalBatches = s.EvalBatches, MetricsFile = metricsFile,
        };
        using var trainer = new Trainer(model, train, options, held);
        console.WriteLine(Invariant($"{"step",6} {"train",8} {"valid",8} {"lr",9} {"tokens/s",9}   (tokens/s: since the previous line, evaluation excluded)"));
        double stepSeconds = 0, sinceLine = 0;
        long tokensSinceLine = 0;
        trainer.Run(s.Steps, step =>
        {
            if (step.Step == 1) console.WriteLine(Invariant($"{0,6} {"",8} {trainer.InitialValidLoss,8:F4}"));
            stepSeconds += step.Seconds;
            (sinceLine, tokensSinceLine) = (sinceLine + step.Seconds, tokensSinceLine + step.Tokens);
            if (step.Step % Math.Max(1, s.LogEvery) == 0 || step.ValidLoss is not null || step.Step == s.Steps)
            {
                string validLoss = step.ValidLoss is double v ? v.ToString("F4", CultureInfo.InvariantCulture) : "";
                console.WriteLine(Invariant($"{step.Step,6} {step.TrainLoss,8:F4} {validLoss,8} {step.LearningRate,9:0.00e+00} {tokensSinceLine / sinceLine,9:N0}"));
                (sinceLine, tokensSinceLine) = (0, 0);
            }
            if (s.SaveEvery > 0 && step.Step % s.SaveEvery == 0 && step.Step < s.Steps) model.Save(s.Out, dtype: storedDtype);
        });

        model.Save(s.Out, dtype: storedDtype);
        double validLoss = trainer.History[^1].ValidLoss ?? trainer.Evaluate();
        long bytes = new FileInfo(Path.Combine(s.Out, "model.safetensors")).Length;
        console.WriteLine(Invariant($"trained     {s.Steps} steps in {stepSeconds:F1} s of steps ({s.Steps * (double)s.BlockSize * s.BatchSize / stepSeconds:N0} tokens/s); valid loss {validLoss:F4} (perplexity {Math.Exp(validLoss):F3})"));
        using var saved = CausalLM.Load(s.Out);
        if (storedDtype != ScalarType.Float32)
        {
            double reloaded = LanguageModelLoss.Mean(saved, held, s.EvalBatches);
            console.WriteLine(Invariant($"saved       {s.SaveDtype} weights, loaded as float32: valid loss {reloaded:F4} (perplexity {Math.Exp(reloaded):F3})"));
        }
        console.WriteLine(Invariant($"saved       {Path.GetFullPath(s.Out)} (model.safetensors {MegaBytes(bytes)}, {s.SaveDtype})"));
        if (s.SamplePrompt.Length > 0)
            console.WriteLine($"sample      {s.SamplePrompt}{saved.Generate(s.SamplePrompt, maxNewTokens: 40).Text?.ReplaceLineEndings("\\n")}");
        return 0;
    }

    /// <summary>Training and held-out documents: --valid's, or the corpus's last --valid-fraction.</summary>
    static (IReadOnlyList<string> Train, IReadOnlyList<string> Valid, string Source) Documents(Settings s)
    {
        var documents = CorpusDocuments.Read(s.Corpus);
        if (documents.Count == 0) throw new FormatException($"{s.Corpus}: no documents (the file holds only whitespace)");
        if (s.Valid is not null) return (documents, CorpusDocuments.Read(s.Valid), s.Valid);
        if (s.ValidFraction is <= 0 or >= 1) throw new ArgumentException($"--valid-fraction must be between 0 and 1 (got {s.ValidFraction})");
        int held = Math.Max(1, (int)Math.Round(documents.Count * s.ValidFraction));
        if (held >= documents.Count) throw new ArgumentException($"{s.Corpus}: {documents.Count} documents are too few to hold out {held}; pass --valid FILE");
        return (documents.Take(documents.Count - held).ToList(), documents.Skip(documents.Count - held).ToList(), $"the last {held} documents of {s.Corpus}");
    }

    static readonly JsonSerializerOptions SnakeCase = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    static void WriteJson(string path, JsonNode json) => AtomicFile.WriteAllText(path, json.ToJsonString(SnakeCase) + "\n");

    static string MegaBytes(long bytes) => Invariant($"{bytes / 1e6:F1} MB");

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
