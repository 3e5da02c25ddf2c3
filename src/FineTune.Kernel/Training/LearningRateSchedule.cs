namespace FineTune.Kernel.Training;

/// <summary>
/// Linear warmup, then cosine decay to a floor, as nanoGPT's get_lr: step i (counting from 0) gets
/// Peak x (i + 1) / (Warmup + 1) during the warmup, Peak at step <see cref="WarmupSteps"/>, then a cosine
/// down to <see cref="Minimum"/> at the run's last step (<see cref="TotalSteps"/> - 1), and Minimum after it.
/// </summary>
/// <param name="Peak">The learning rate at the end of the warmup.</param>
/// <param name="Minimum">The learning rate the cosine ends at.</param>
/// <param name="WarmupSteps">Steps of linear warmup.</param>
/// <param name="TotalSteps">Steps in the run; the last one gets <paramref name="Minimum"/>.</param>
public sealed record LearningRateSchedule(double Peak, double Minimum, int WarmupSteps, int TotalSteps)
{
    /// <summary>The learning rate for step <paramref name="step"/> (0 for the first step).</summary>
    public double At(int step)
    {
        if (step < WarmupSteps) return Peak * (step + 1) / (WarmupSteps + 1);
        int decaySteps = TotalSteps - 1 - WarmupSteps;
        if (step - WarmupSteps >= decaySteps) return Minimum;
        double progress = (double)(step - WarmupSteps) / decaySteps;
        return Minimum + 0.5 * (1 + Math.Cos(Math.PI * progress)) * (Peak - Minimum);
    }
}
