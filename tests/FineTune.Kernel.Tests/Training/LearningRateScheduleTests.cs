using FineTune.Kernel.Training;

namespace FineTune.Kernel.Tests.Training;

public class LearningRateScheduleTests
{
    // 10 warmup steps, then a cosine over the 100 steps 10..110.
    readonly LearningRateSchedule schedule = new(Peak: 1e-3, Minimum: 1e-4, WarmupSteps: 10, TotalSteps: 111);

    [Fact]
    public void Warmup_rises_linearly_as_nanogpt_does()
    {
        Assert.Equal(1e-3 * 1 / 11, schedule.At(0), 15);
        Assert.Equal(1e-3 * 6 / 11, schedule.At(5), 15);
        Assert.Equal(1e-3 * 10 / 11, schedule.At(9), 15);
    }

    [Fact]
    public void The_peak_comes_right_after_the_warmup_and_the_cosine_is_halfway_down_halfway_through()
    {
        Assert.Equal(1e-3, schedule.At(10), 15);
        Assert.Equal((1e-3 + 1e-4) / 2, schedule.At(60), 15);
        Assert.True(schedule.At(40) > schedule.At(41));
    }

    [Fact]
    public void The_last_step_and_any_after_it_get_the_minimum()
    {
        Assert.Equal(1e-4, schedule.At(110), 15);
        Assert.Equal(1e-4, schedule.At(500), 15);
    }
}
