namespace FineTune.Kernel.Training;

/// <summary>
/// How <see cref="Trainer"/> optimises: AdamW with weight decay on the weight matrices only, nanoGPT's
/// warmup + cosine schedule, gradient clipping, and a held-out loss every <see cref="EvalEvery"/> steps.
/// Defaults are nanoGPT's for small models.
/// </summary>
public sealed record TrainerOptions
{
    /// <summary>Length of the run the learning-rate schedule is laid out for (the cosine reaches its floor at the last step).</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Peak learning rate, reached at the end of the warmup.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>The learning rate at the end of the cosine. Default: a tenth of <see cref="LearningRate"/>.</summary>
    public double? MinLearningRate { get; init; }

    /// <summary>Steps of linear warmup from near 0 to <see cref="LearningRate"/>.</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>AdamW weight decay, applied to weight matrices only (not to norms, biases or embeddings).</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>AdamW beta1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW beta2 (0.95, as nanoGPT and most LLM pretraining use).</summary>
    public double Beta2 { get; init; } = 0.95;

    /// <summary>AdamW epsilon.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Clip the global gradient norm to this value; 0 turns clipping off (the norm is still reported).</summary>
    public double GradClip { get; init; } = 1.0;

    /// <summary>Compute the held-out loss every this many steps, at the last step and before the first; 0 = never.</summary>
    public int EvalEvery { get; init; } = 100;

    /// <summary>At most this many batches of the held-out blocks per evaluation; null = all of them.</summary>
    public int? EvalBatches { get; init; }

    /// <summary>Append one JSON line per step (and one for the evaluation before training) to this file, if set.</summary>
    public string? MetricsFile { get; init; }

    internal LearningRateSchedule Schedule => new(LearningRate, MinLearningRate ?? LearningRate / 10, WarmupSteps, Steps);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1, nameof(Steps));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(WarmupSteps, nameof(WarmupSteps));
        ArgumentOutOfRangeException.ThrowIfNegative(WeightDecay, nameof(WeightDecay));
        ArgumentOutOfRangeException.ThrowIfNegative(GradClip, nameof(GradClip));
        ArgumentOutOfRangeException.ThrowIfNegative(EvalEvery, nameof(EvalEvery));
        if (MinLearningRate is < 0) throw new ArgumentOutOfRangeException(nameof(MinLearningRate), MinLearningRate, "must not be negative");
        if (EvalBatches is < 1) throw new ArgumentOutOfRangeException(nameof(EvalBatches), EvalBatches, "must be at least 1");
    }
}
