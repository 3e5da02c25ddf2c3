using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FineTune.Kernel.Models;
using FineTune.Kernel.Runtime;

namespace FineTune.Bench;

/// <summary>
/// Why generation keeps a KV cache: greedy decoding of 64 tokens after a 32-token prompt on a
/// ~22M-parameter Llama-style model, with the cache against recomputing the whole sequence each
/// step (the baseline). The tokens/s column is new tokens over mean time.
/// </summary>
[Config(typeof(TokensPerSecondConfig))]
public class GenerationBenchmark
{
    public const int NewTokens = 64;

    CausalLM model = null!;
    int[] prompt = null!;

    [GlobalSetup]
    public void Setup()
    {
        TorchNative.EnsureLoaded();
        var config = new ModelConfig
        {
            ModelType = "llama", VocabSize = 8192, HiddenSize = 512, NumLayers = 6, NumHeads = 8, NumKeyValueHeads = 4,
            IntermediateSize = 1376, TieWordEmbeddings = true, MaxPositions = 512,
        };
        model = CausalLM.Create(config, seed: 0);
        Console.WriteLine($"// model: {model}");
        prompt = Enumerable.Range(0, 32).Select(i => (i * 37 + 11) % config.VocabSize).ToArray();
    }

    GenerationResult Generate(bool cache) =>
        model.Generate(prompt, new GenerationOptions { MaxNewTokens = NewTokens, EosTokenIds = [], UseCache = cache });

    [Benchmark(Baseline = true)]
    public GenerationResult WithoutCache() => Generate(cache: false);

    [Benchmark]
    public GenerationResult WithKvCache() => Generate(cache: true);

    sealed class TokensPerSecondConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public TokensPerSecondConfig() => AddColumn(new TokensPerSecondColumn());
    }

    sealed class TokensPerSecondColumn : IColumn
    {
        public string Id => "TokensPerSecond";
        public string ColumnName => "tokens/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "New tokens generated per second (64 / mean time)";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;       // nanoseconds
            return mean is null ? "-" : (NewTokens / (mean.Value / 1e9)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
