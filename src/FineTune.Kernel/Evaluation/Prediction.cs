namespace FineTune.Kernel.Evaluation;

/// <summary>One evaluated row: what the model was asked, what was expected, what it answered.</summary>
/// <param name="Position">The row's position in its file.</param>
/// <param name="Prompt">The prompt the model saw.</param>
/// <param name="Expected">The reference answer.</param>
/// <param name="Predicted">The model's answer.</param>
/// <param name="Correct">Whether the answer counts as correct under the metric.</param>
/// <param name="Group">What the row is scored under in <see cref="EvaluationResult.ByGroup"/>: its instruction or label.</param>
public sealed record Prediction(int Position, string Prompt, string Expected, string Predicted, bool Correct, string Group);

/// <summary>Correct answers within one group of rows (one instruction, one label).</summary>
public sealed record GroupScore(string Group, int Correct, int Count)
{
    /// <summary>Correct / Count.</summary>
    public double Score => Count == 0 ? 0 : (double)Correct / Count;
}
