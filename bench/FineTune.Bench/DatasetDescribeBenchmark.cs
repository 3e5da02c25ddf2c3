using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FineTune.Kernel.Data;
using FineTune.Kernel.Text;

namespace FineTune.Bench;

/// <summary>
/// Describing a 100,000-row labelled-text JSONL file (~9 MB) on this machine: loading it alone is the
/// baseline; then loading and describing it (duplicates, near-duplicates, private information, review
/// terms), without and with token counts (cl100k). The file is generated in setup (seeded), with 2%
/// exact copies and some e-mail addresses planted, so every check has something to find.
/// </summary>
[Config(typeof(RowsPerSecondConfig))]
public class DatasetDescribeBenchmark
{
    public const int RowCount = 100_000;
    string path = "";
    TextTokenizer tokenizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        path = Path.Combine(Path.GetTempPath(), "finetune-bench-100k.jsonl");
        var random = new Random(1);
        string[] words = [.. Enumerable.Range(0, 400).Select(i => Word(random))];
        string[] labels = ["animals", "food", "weather", "sports"];
        var lines = new List<string>(RowCount);
        for (int i = 0; i < RowCount; i++)
        {
            if (i > 0 && random.NextDouble() < 0.02) { lines.Add(lines[random.Next(lines.Count)]); continue; }
            var text = string.Join(" ", Enumerable.Range(0, random.Next(8, 20)).Select(_ => words[random.Next(words.Length)]));
            if (random.NextDouble() < 0.01) text += $" mail me at user{i}@example.com";
            lines.Add(JsonSerializer.Serialize(new { text, label = labels[random.Next(labels.Length)] }));
        }
        File.WriteAllLines(path, lines, new UTF8Encoding(false));
        tokenizer = TextTokenizer.Load("cl100k");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(path);

    [Benchmark(Baseline = true, Description = "Dataset.Load")]
    public int Load() => Dataset.Load(path).Count;

    [Benchmark(Description = "Load + Describe()")]
    public int Describe() => Dataset.Load(path).Describe(reviewTerms: ["stupid", "idiot"]).Rows;

    [Benchmark(Description = "Load + Describe(cl100k tokens)")]
    public int DescribeWithTokens() => Dataset.Load(path).Describe(tokenizer, contextLength: 32, reviewTerms: ["stupid", "idiot"]).Rows;

    static string Word(Random random) =>
        new(Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26))).ToArray());

    sealed class RowsPerSecondConfig : ManualConfig
    {
        public RowsPerSecondConfig() => AddColumn(new RowsPerSecondColumn());
    }

    /// <summary>Rows per second: the row count over the mean time of one run.</summary>
    sealed class RowsPerSecondColumn : IColumn
    {
        public string Id => nameof(RowsPerSecondColumn);
        public string ColumnName => "Rows/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Rows per second (100,000 rows / mean time per run)";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { } stats ? $"{RowCount / (stats.Mean / 1e9):N0}" : "-";
    }
}
