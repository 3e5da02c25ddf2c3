using System.Globalization;

namespace FineTune.Kernel.Training;

/// <summary>What one optimiser step did.</summary>
/// <param name="Step">Its number, from 1.</param>
/// <param name="TrainLoss">Mean cross-entropy of the batch (nats per token), before the update.</param>
/// <param name="ValidLoss">Mean cross-entropy on the held-out blocks after the update, on evaluation steps; otherwise null.</param>
/// <param name="LearningRate">The learning rate the step used.</param>
/// <param name="GradNorm">Global gradient norm before clipping.</param>
/// <param name="Tokens">Tokens in the batch.</param>
/// <param name="Seconds">Wall time of the step (the evaluation not included).</param>
/// <param name="Epoch">Passes the training blocks had completed when the batch was drawn.</param>
public sealed record TrainingStep(int Step, double TrainLoss, double? ValidLoss, double LearningRate, double GradNorm, int Tokens, double Seconds, int Epoch)
{
    /// <summary>Training throughput of the step.</summary>
    public double TokensPerSecond => Seconds > 0 ? Tokens / Seconds : 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"step {Step}: train loss {TrainLoss:F4}{(ValidLoss is double v ? $", valid loss {v:F4}" : "")}, lr {LearningRate:G3}, grad norm {GradNorm:F3}, {TokensPerSecond:N0} tokens/s");
}
