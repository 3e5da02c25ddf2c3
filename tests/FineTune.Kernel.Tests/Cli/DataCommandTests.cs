using System.Text.Json;
using FineTune.Kernel.Tests.Data;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Cli;

/// <summary><c>finetune data inspect</c> and <c>finetune data validate</c>.</summary>
public class DataCommandTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    static (int Exit, string Output, string Error) Run(params string[] args) => FinetuneCli.Run(args);

    string Messy() => DataFiles.Lines(folder, "messy.jsonl",
        DataFiles.Labelled("The dog barked at ann@example.com", "animals"),
        DataFiles.Labelled("The dog barked at ann@example.com", "animals"),
        "{bad",
        DataFiles.Labelled("I hate rain", "weather"));

    [Fact]
    public void Inspect_prints_the_summary_with_its_findings()
    {
        var (exit, output, _) = Run("data", "inspect", Messy(), "--tokenizer", "cl100k", "--terms", "hate");

        Assert.Equal(0, exit);
        Assert.Contains("messy.jsonl: 3 rows, labelled text", output);
        Assert.Contains("line 3: invalid JSON", output);
        Assert.Contains("1 exact duplicate", output);
        Assert.Contains("2 private-information hits: 2 emails", output);
        Assert.Contains("1 row with review terms (hate 1)", output);
        Assert.Contains("tokens min", output);
    }

    [Fact]
    public void Inspect_with_json_gives_the_figures()
    {
        var (exit, output, _) = Run("data", "inspect", Messy(), "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("rows").GetInt32());
        Assert.Equal(3, root.GetProperty("load").GetProperty("skipped")[0].GetProperty("position").GetInt32());
        Assert.Equal(2, root.GetProperty("exact_duplicates")[0].GetProperty("position").GetInt32());
        Assert.Equal(2, root.GetProperty("private_info_counts").GetProperty("Email").GetInt32());
    }

    [Fact]
    public void Inspect_in_strict_mode_fails_at_the_bad_line()
    {
        var (exit, _, error) = Run("data", "inspect", Messy(), "--strict");

        Assert.Equal(1, exit);
        Assert.Contains("messy.jsonl: line 3: invalid JSON", error);
    }

    [Fact]
    public void Validate_exits_non_zero_on_format_errors()
    {
        string good = DataFiles.Lines(folder, "good.jsonl", """{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}""");
        string bad = DataFiles.Lines(folder, "bad.jsonl", """{"messages": [{"role": "user", "content": "Hi"}]}""");

        var (goodExit, goodOutput, _) = Run("data", "validate", good);
        var (badExit, badOutput, _) = Run("data", "validate", bad);

        Assert.Equal(0, goodExit);
        Assert.Contains("No format errors found.", goodOutput);
        Assert.Equal(1, badExit);
        Assert.Contains("example_missing_assistant_message 1 (first at line 1)", badOutput);
    }
}
