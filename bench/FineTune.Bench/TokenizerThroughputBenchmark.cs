using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FineTune.Kernel.Text;
using Microsoft.ML.Tokenizers;

namespace FineTune.Bench;

/// <summary>
/// The overhead of our tokenizer layer: encoding ~3.3 MB of text (Tiny Shakespeare, three times) with
/// the real GPT-2 tokenizer through <see cref="TextTokenizer"/>, against Microsoft.ML.Tokenizers'
/// BpeTokenizer configured for GPT-2 and used directly (the baseline). Needs ../shared/fixtures.
/// </summary>
[Config(typeof(TokensPerSecondConfig))]
public class TokenizerThroughputBenchmark
{
    /// <summary>Tokens in the text, for the Tokens/s column (both ways give the same ids; checked in setup).</summary>
    public static int TokenCount { get; private set; }

    string text = "";
    TextTokenizer ours = null!;
    BpeTokenizer direct = null!;

    [GlobalSetup]
    public void Setup()
    {
        string gpt2 = Fixture("lm-buddy-fake-gpt2");
        text = string.Concat(Enumerable.Repeat(File.ReadAllText(Path.Combine(Fixture("tinyshakespeare"), "input.txt")), 3));
        ours = TextTokenizer.Load(gpt2);
        direct = BpeTokenizer.Create(new BpeOptions(Path.Combine(gpt2, "vocab.json"), Path.Combine(gpt2, "merges.txt"))
        {
            ByteLevel = true,
            PreTokenizer = RobertaPreTokenizer.Instance,
        });
        var ids = ours.Encode(text, addSpecialTokens: false);
        if (!ids.SequenceEqual(direct.EncodeToIds(text))) throw new InvalidOperationException("TextTokenizer and BpeTokenizer disagree on the benchmark text.");
        TokenCount = ids.Count;
    }

    [Benchmark(Baseline = true, Description = "Microsoft.ML.Tokenizers BpeTokenizer.EncodeToIds")]
    public int Direct() => direct.EncodeToIds(text).Count;

    [Benchmark(Description = "TextTokenizer.Encode")]
    public int Encode() => ours.Encode(text, addSpecialTokens: false).Count;

    [Benchmark(Description = "TextTokenizer.CountTokens")]
    public int Count() => ours.CountTokens(text);

    static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FineTuneNotebooks.sln")))
            {
                string path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", name));
                return Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"This benchmark needs {path}.");
            }
        throw new DirectoryNotFoundException("FineTuneNotebooks.sln not found above the benchmark.");
    }

    sealed class TokensPerSecondConfig : ManualConfig
    {
        public TokensPerSecondConfig() => AddColumn(new TokensPerSecondColumn());
    }

    /// <summary>Tokens encoded per second: the token count over the mean time of one encode.</summary>
    sealed class TokensPerSecondColumn : IColumn
    {
        public string Id => nameof(TokensPerSecondColumn);
        public string ColumnName => "Tokens/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Tokens encoded per second (token count / mean time per encode)";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { } stats && TokenCount > 0
                ? $"{TokenCount / (stats.Mean / 1e9) / 1e6:F2} M"
                : "-";
    }
}
