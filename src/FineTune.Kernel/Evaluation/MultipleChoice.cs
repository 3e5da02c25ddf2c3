using FineTune.Kernel.Data;
using FineTune.Kernel.Models;

namespace FineTune.Kernel.Evaluation;

/// <summary>
/// Classification accuracy scored as lm-evaluation-harness's multiple-choice tasks: each label, after a
/// space, is scored as the continuation of the row's prompt, and the prediction is the label with the
/// highest log-likelihood (lm-eval's <c>acc</c>).
/// </summary>
public static class MultipleChoice
{
    /// <summary>The default prompt: the text, then "Label:".</summary>
    public const string LabelTemplate = "{text}\nLabel:";

    /// <summary>
    /// Evaluates <paramref name="model"/> on labelled <paramref name="data"/>; the choices default to the
    /// dataset's distinct labels (in ordinal order).
    /// </summary>
    public static EvaluationResult Evaluate(CausalLM model, Dataset data, string template = LabelTemplate, IReadOnlyList<string>? choices = null, int batchSize = 16)
    {
        if (data.Format != DatasetFormat.LabelledText)
            throw new InvalidOperationException($"multiple choice needs labelled text (text, label); {data.Name} is {data.FormatName}");
        var labels = choices ?? data.Rows.Select(r => r["label"]).Distinct().Order(StringComparer.Ordinal).ToList();
        if (labels.Count < 2) throw new ArgumentException("multiple choice needs at least two choices", nameof(choices));
        var prompt = PromptTemplate.Parse(template, data.Columns);
        var contexts = data.Rows.Select(prompt.Fill).ToList();
        var pairs = contexts.SelectMany(c => labels.Select(l => (c, " " + l))).ToList();
        var scores = model.Score(pairs, batchSize);
        var predictions = data.Rows.Select((row, i) =>
        {
            int best = Enumerable.Range(0, labels.Count).MaxBy(j => scores[i * labels.Count + j].LogLikelihood);
            string expected = row["label"];
            return new Prediction(row.Position, contexts[i], expected, labels[best], labels[best] == expected, expected);
        }).ToList();
        return new EvaluationResult(data.Name, "accuracy", template, predictions);
    }
}
