using System.Text.Json;
using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Training;
using TorchSharp;

namespace FineTune.Kernel.Tests.Training;

public class TrainerTests
{
    static Trainer NewTrainer(int steps, int evalEvery = 0, string? metrics = null, int seed = 1) =>
        new(TinyPretraining.Model(seed), TinyPretraining.TrainBlocks(seed),
            new TrainerOptions { Steps = steps, LearningRate = 3e-3, WarmupSteps = 10, EvalEvery = evalEvery, MetricsFile = metrics },
            TinyPretraining.ValidBlocks());

    [Fact]
    public void Pretraining_a_tiny_model_on_generated_stories_lowers_the_loss_clearly()
    {
        using var trainer = NewTrainer(steps: 150, evalEvery: 150);

        var steps = trainer.Run(150);

        double first = steps.Take(10).Average(s => s.TrainLoss), last = steps.TakeLast(10).Average(s => s.TrainLoss);
        Console.WriteLine($"train loss {first:F3} -> {last:F3}; valid loss {trainer.InitialValidLoss:F3} -> {steps[^1].ValidLoss:F3}");
        Assert.True(last < first - 2, $"mean train loss of the first 10 steps {first:F3}, of the last 10 {last:F3}");
        Assert.True(steps[^1].ValidLoss < trainer.InitialValidLoss - 2, $"valid loss {trainer.InitialValidLoss:F3} before, {steps[^1].ValidLoss:F3} after");
    }

    [Fact]
    public void The_same_seeds_give_the_same_losses()
    {
        double[] Losses(int seed)
        {
            using var trainer = NewTrainer(steps: 12, evalEvery: 6, seed: seed);
            return [.. trainer.Run(12).SelectMany(s => new[] { s.TrainLoss, s.ValidLoss ?? 0 })];
        }

        Assert.Equal(Losses(1), Losses(1));
        Assert.NotEqual(Losses(1), Losses(2));
    }

    [Fact]
    public void Live_tensors_stay_constant_over_hundreds_of_steps_with_evaluations()
    {
        using var trainer = NewTrainer(steps: 200, evalEvery: 40);
        trainer.Run(10);
        long afterTen = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        trainer.Run(190);

        Assert.Equal(afterTen, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Norms_biases_and_embeddings_get_no_weight_decay()
    {
        using var trainer = NewTrainer(steps: 1);

        var (decay, noDecay) = trainer.WeightDecayGroups;

        Assert.Contains("model.layers.0.self_attn.q_proj.weight", decay);
        Assert.Contains("model.layers.1.mlp.down_proj.weight", decay);
        Assert.All(decay, name => Assert.EndsWith("_proj.weight", name));
        Assert.Equal(["model.embed_tokens.weight", "model.layers.0.input_layernorm.weight", "model.layers.0.post_attention_layernorm.weight",
            "model.layers.1.input_layernorm.weight", "model.layers.1.post_attention_layernorm.weight", "model.norm.weight"], noDecay.Order());
        Assert.Equal(trainer.Model.TrainableParameters().Count, decay.Count + noDecay.Count);
        Assert.Equal([0.1, 0.0], trainer.OptimizerWeightDecays);
    }

    [Fact]
    public void Each_step_uses_the_scheduled_learning_rate()
    {
        using var trainer = NewTrainer(steps: 15);
        var schedule = new LearningRateSchedule(3e-3, 3e-3 / 10, 10, 15);

        var steps = trainer.Run(15);

        Assert.Equal(Enumerable.Range(0, 15).Select(schedule.At), steps.Select(s => s.LearningRate));
    }

    [Fact]
    public void The_held_out_loss_is_computed_before_training_every_n_steps_and_at_the_last_step()
    {
        using var trainer = NewTrainer(steps: 7, evalEvery: 3);

        var steps = trainer.Run(7);

        Assert.NotNull(trainer.InitialValidLoss);
        Assert.Equal([3, 6, 7], steps.Where(s => s.ValidLoss is not null).Select(s => s.Step));
        Assert.Equal(trainer.Evaluate(), steps[^1].ValidLoss!.Value, 6);
    }

    [Fact]
    public void Every_step_is_appended_to_the_metrics_file_after_the_evaluation_before_training()
    {
        using var folder = new TempFolder();
        using var trainer = NewTrainer(steps: 4, evalEvery: 2, metrics: folder.File("metrics.jsonl"));

        var steps = trainer.Run(4);

        var rows = File.ReadAllLines(folder.File("metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([0, 1, 2, 3, 4], rows.Select(r => r.GetProperty("step").GetInt32()));
        Assert.Equal(trainer.InitialValidLoss!.Value, rows[0].GetProperty("valid_loss").GetDouble());
        Assert.Equal(steps[1].TrainLoss, rows[2].GetProperty("train_loss").GetDouble());
        Assert.Equal(steps[1].ValidLoss!.Value, rows[2].GetProperty("valid_loss").GetDouble());
        Assert.False(rows[1].TryGetProperty("valid_loss", out _));
        foreach (string field in new[] { "learning_rate", "grad_norm", "tokens", "tokens_per_second", "seconds", "epoch" })
            Assert.True(rows[1].TryGetProperty(field, out _), field);
    }

    [Fact]
    public void Frozen_parameters_are_left_unchanged()
    {
        var model = TinyPretraining.Model();
        var embeddings = model.DistinctParameters().Single(p => p.Name == "model.embed_tokens.weight").Parameter;
        embeddings.requires_grad = false;
        using var before = embeddings.detach().clone();
        using var trainer = new Trainer(model, TinyPretraining.TrainBlocks(), new TrainerOptions { Steps = 3, WarmupSteps = 0 });

        trainer.Run(3);

        Assert.True(embeddings.equal(before).all().item<bool>());
        Assert.DoesNotContain("model.embed_tokens.weight", trainer.WeightDecayGroups.NoDecay);
    }

    [Fact]
    public void A_trainer_renders_its_train_and_valid_loss_curves()
    {
        using var trainer = NewTrainer(steps: 4, evalEvery: 2);
        trainer.Run(4);

        string html = trainer.ToHtml();

        Assert.Contains("finetune-chart", html);
        Assert.Contains("\"valid\"", html);
        Assert.StartsWith("Trainer: 4 steps; last step 4: train loss", trainer.ToString());
    }
}
