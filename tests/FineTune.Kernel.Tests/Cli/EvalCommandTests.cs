using System.Text.Json;
using FineTune.Kernel.Data;
using FineTune.Kernel.Evaluation;
using FineTune.Kernel.Tests.Data;
using FineTune.Kernel.Tests.Models;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Cli;

/// <summary>finetune eval on a model folder the kit writes itself.</summary>
public class EvalCommandTests
{
    static (int Exit, string Output, string Error) Run(params string[] args) => FinetuneCli.Run(args);

    [Fact]
    public void Eval_scores_labelled_text_by_accuracy_as_the_library_does()
    {
        using var folder = new TempFolder();
        using var model = TinyTextModel.Write(Path.Combine(folder.Path, "model"));
        string data = DataFiles.Lines(folder, "test.jsonl", DataFiles.Labelled("the cat", "cat"), DataFiles.Labelled("the dog", "he"), DataFiles.Labelled("a cat", "cat"));

        var (exit, output, error) = Run("eval", "--model", Path.Combine(folder.Path, "model"), "--data", data, "--json");

        var expected = MultipleChoice.Evaluate(model, Dataset.Load(data));
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("accuracy", json.RootElement.GetProperty("metric").GetString());
        Assert.Equal(expected.Correct, json.RootElement.GetProperty("correct").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public void Eval_scores_instructions_by_exact_match()
    {
        using var folder = new TempFolder();
        using var model = TinyTextModel.Write(Path.Combine(folder.Path, "model"));
        string data = DataFiles.Lines(folder, "test.jsonl", """{"instruction": "Say it.", "input": "cat", "output": "cat"}""");

        var (exit, output, _) = Run("eval", "--model", Path.Combine(folder.Path, "model"), "--data", data, "--max-new-tokens", "4");

        Assert.Equal(0, exit);
        Assert.Matches(@"^exact match (0\.0|100\.0)% \([01] of 1\) on test\.jsonl", output);
    }
}
