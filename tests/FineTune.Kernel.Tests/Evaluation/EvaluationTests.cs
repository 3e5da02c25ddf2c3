using FineTune.Kernel.Data;
using FineTune.Kernel.Evaluation;
using FineTune.Kernel.Models;
using FineTune.Kernel.Tests.Models;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Evaluation;

public class EvaluationTests : IDisposable
{
    readonly TempFolder folder = new();
    readonly CausalLM model;

    public EvaluationTests() => model = TinyTextModel.Write(folder.Path);

    public void Dispose()
    {
        model.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void Exact_match_compares_the_greedy_answer_up_to_the_first_newline()
    {
        var rows = new[] { ("the cat", "x"), ("a dog", "y"), ("hello", "z") };
        var data = Dataset.From(DatasetFormat.Instruction, rows.Select(r => (object)new { instruction = "Say it.", input = r.Item1, output = r.Item2 }));

        var first = ExactMatch.Evaluate(model, data, maxNewTokens: 6);
        var answers = first.Predictions.Select(p => p.Predicted).ToList();
        var own = Dataset.From(DatasetFormat.Instruction, rows.Select((r, i) => (object)new { instruction = "Say it.", input = r.Item1, output = answers[i] }));
        var second = ExactMatch.Evaluate(model, own, maxNewTokens: 6);

        string expectedPrompt = "### Instruction:\nSay it.\n\n### Input:\nthe cat\n\n### Response:\n";
        Assert.Equal(expectedPrompt, first.Predictions[0].Prompt);
        Assert.Equal((model.Generate(expectedPrompt, maxNewTokens: 6, stop: ["\n"]).Text ?? "").Trim(), answers[0]);
        Assert.All(answers, a => Assert.DoesNotContain("\n", a));
        Assert.Equal((3, 1.0), (second.Count, second.Score));
        Assert.Equal([new GroupScore("Say it.", 3, 3)], second.ByGroup);
    }

    [Fact]
    public void Multiple_choice_predicts_the_label_with_the_highest_log_likelihood()
    {
        var data = Dataset.From(DatasetFormat.LabelledText, [new { text = "the cat", label = "cat" }, new { text = "the dog", label = "he" }]);

        var result = MultipleChoice.Evaluate(model, data);

        for (int i = 0; i < data.Count; i++)
        {
            string context = data.Rows[i]["text"] + "\nLabel:";
            double cat = model.Score(context, " cat").LogLikelihood, he = model.Score(context, " he").LogLikelihood;
            Assert.Equal(cat >= he ? "cat" : "he", result.Predictions[i].Predicted);
            Assert.Equal(result.Predictions[i].Predicted == data.Rows[i]["label"], result.Predictions[i].Correct);
        }
        Assert.Equal("accuracy", result.Metric);
        Assert.StartsWith($"accuracy {result.Score * 100:0.0}% ({result.Correct} of 2) on records", result.Summary);
    }

    [Fact]
    public void Each_metric_refuses_data_of_the_wrong_format()
    {
        var text = Dataset.From(DatasetFormat.Text, [new { text = "plain" }]);

        Assert.Contains("needs instruction or prompt/completion rows", Assert.Throws<InvalidOperationException>(() => ExactMatch.Evaluate(model, text)).Message);
        Assert.Contains("needs labelled text", Assert.Throws<InvalidOperationException>(() => MultipleChoice.Evaluate(model, text)).Message);
    }
}
