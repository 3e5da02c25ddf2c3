using System.Globalization;
using System.Text;
using FineTune.Kernel.Notebook;

namespace FineTune.Kernel.Evaluation;

/// <summary>A model's score on a dataset under one metric, with every prediction and the score per group.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class EvaluationResult : IHtmlRenderable
{
    const int RowsShown = 10;

    internal EvaluationResult(string dataset, string metric, string template, IReadOnlyList<Prediction> predictions)
    {
        Dataset = dataset;
        Metric = metric;
        Template = template;
        Predictions = predictions;
    }

    /// <summary>The dataset's name.</summary>
    public string Dataset { get; }

    /// <summary>"exact match" or "accuracy".</summary>
    public string Metric { get; }

    /// <summary>The prompt template each row was put into.</summary>
    public string Template { get; }

    /// <summary>Every row's prediction, in dataset order.</summary>
    public IReadOnlyList<Prediction> Predictions { get; }

    /// <summary>Rows answered correctly.</summary>
    public int Correct => Predictions.Count(p => p.Correct);

    /// <summary>Rows evaluated.</summary>
    public int Count => Predictions.Count;

    /// <summary>Correct / Count, from 0 to 1.</summary>
    public double Score => Count == 0 ? 0 : (double)Correct / Count;

    /// <summary>The score within each group (instruction or label), in order of first appearance.</summary>
    public IReadOnlyList<GroupScore> ByGroup =>
        Predictions.GroupBy(p => p.Group).Select(g => new GroupScore(g.Key, g.Count(p => p.Correct), g.Count())).ToList();

    /// <summary>"exact match 12.0% (12 of 100) on instructions.test.jsonl".</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture, $"{Metric} {Score * 100:0.0}% ({Correct} of {Count}) on {Dataset}");

    /// <summary>The summary, the score per group and the first predictions.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Summary).AppendLine();
        foreach (var group in ByGroup) text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Group}: {group.Score * 100:0.0}% ({group.Correct} of {group.Count})"));
        foreach (var p in Predictions.Take(RowsShown)) text.AppendLine($"  #{p.Position} {(p.Correct ? "ok " : "   ")} expected {Quote(p.Expected)}, got {Quote(p.Predicted)}");
        return text.ToString().TrimEnd();
    }

    /// <inheritdoc/>
    public string ToHtml() =>
        $"<div class=\"finetune-evaluation\"><p><b>{NotebookHtml.Encode(Summary)}</b></p>" +
        NotebookHtml.Table(["group", "correct", "rows", "score"], ByGroup.Select(g => new object?[] { g.Group, g.Correct, g.Count, (g.Score * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" })) +
        NotebookHtml.Table(["row", "expected", "predicted", "correct"], Predictions.Take(RowsShown).Select(p => new object?[] { p.Position, p.Expected, p.Predicted, p.Correct ? "yes" : "no" }),
            Count > RowsShown ? $"first {RowsShown} of {Count} predictions" : null) + "</div>";

    static string Quote(string text) => "\"" + text.Replace("\n", "\\n") + "\"";
}
