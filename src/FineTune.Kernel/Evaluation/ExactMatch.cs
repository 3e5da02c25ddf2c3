using FineTune.Kernel.Data;
using FineTune.Kernel.Models;

namespace FineTune.Kernel.Evaluation;

/// <summary>
/// Exact-match evaluation of instruction (or prompt/completion) data: each row's prompt is generated
/// from greedily, the answer is cut at the first newline and trimmed, and it is correct when it equals
/// the reference output (trimmed).
/// </summary>
public static class ExactMatch
{
    /// <summary>The Alpaca prompt, with its input section.</summary>
    public const string AlpacaTemplate = "### Instruction:\n{instruction}\n\n### Input:\n{input}\n\n### Response:\n";

    /// <summary>Evaluates <paramref name="model"/> on <paramref name="data"/>; <paramref name="template"/> defaults to <see cref="AlpacaTemplate"/> ("{prompt}" for prompt/completion rows).</summary>
    public static EvaluationResult Evaluate(CausalLM model, Dataset data, string? template = null, int maxNewTokens = 16, int batchSize = 16)
    {
        string expectedField = data.Format switch
        {
            DatasetFormat.Instruction => "output",
            DatasetFormat.PromptCompletion => "completion",
            _ => throw new InvalidOperationException($"exact match needs instruction or prompt/completion rows; {data.Name} is {data.FormatName}"),
        };
        template ??= data.Format == DatasetFormat.Instruction ? AlpacaTemplate : "{prompt}";
        var prompt = PromptTemplate.Parse(template, data.Columns);
        var prompts = data.Rows.Select(prompt.Fill).ToList();
        var options = new GenerationOptions { MaxNewTokens = maxNewTokens, StopStrings = ["\n"] };
        var answers = new List<string>(prompts.Count);
        for (int start = 0; start < prompts.Count; start += batchSize)
            answers.AddRange(model.Generate(prompts.Skip(start).Take(batchSize).ToList(), options).Select(r => r.Text ?? ""));
        var predictions = data.Rows.Select((row, i) =>
        {
            string expected = row[expectedField].Trim(), predicted = answers[i].Split('\n')[0].Trim();
            return new Prediction(row.Position, prompts[i], expected, predicted, predicted == expected,
                data.Format == DatasetFormat.Instruction ? row["instruction"] : "all");
        }).ToList();
        return new EvaluationResult(data.Name, "exact match", template, predictions);
    }
}
