using System.Diagnostics;
using System.Globalization;
using FineTune.Kernel.Models;
using FineTune.Kernel.Notebook;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FineTune.Kernel.Training;

/// <summary>
/// Trains a causal LM on next-token prediction, one optimiser step at a time, so a notebook can watch
/// every step. AdamW (decay on weight matrices only), nanoGPT's warmup + cosine learning rate, gradient
/// clipping, and the held-out loss every <see cref="TrainerOptions.EvalEvery"/> steps.
/// <code>
/// var trainer = new Trainer(model, train, new TrainerOptions { Steps = 2000, LearningRate = 1e-3 }, valid);
/// var step = trainer.Step();           // one step: loss, learning rate, gradient norm, tokens/s
/// trainer.Run(steps: 200);             // the next 200 steps
/// trainer                              // renders the loss curve
/// </code>
/// Each step runs inside its own TorchSharp dispose scope, so memory stays flat however long the run;
/// the same model seed, data seed and thread count give the same losses.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class Trainer : IHtmlRenderable, IDisposable
{
    readonly TokenBlocks train;
    readonly TokenBlocks? valid;
    readonly ParameterGroups groups;
    readonly List<Parameter> parameters;
    readonly AdamW optimizer;
    readonly LearningRateSchedule schedule;
    readonly MetricsLog? metrics;
    readonly List<TrainingStep> history = [];

    /// <summary>
    /// A trainer for <paramref name="model"/>'s trainable parameters (frozen ones are left alone) on
    /// <paramref name="train"/>, evaluating on <paramref name="valid"/> when given.
    /// </summary>
    public Trainer(CausalLM model, TokenBlocks train, TrainerOptions? options = null, TokenBlocks? valid = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        Options = options ?? new TrainerOptions();
        Options.Validate();
        Model = model;
        this.train = train;
        this.valid = valid;
        schedule = Options.Schedule;
        groups = ParameterGroups.Of(model);
        parameters = [.. groups.All];
        if (parameters.Count == 0) throw new ArgumentException("the model has no trainable parameters (all have requires_grad = false)", nameof(model));
        double lr = schedule.At(0);
        var paramGroups = new List<AdamW.ParamGroup>();
        if (groups.Decay.Count > 0) paramGroups.Add(Group(groups.Decay, lr, Options.WeightDecay));
        if (groups.NoDecay.Count > 0) paramGroups.Add(Group(groups.NoDecay, lr, 0));
        optimizer = optim.AdamW(paramGroups, lr, Options.Beta1, Options.Beta2, Options.Epsilon, Options.WeightDecay);
        if (Options.MetricsFile is { } file) metrics = new MetricsLog(file);
    }

    AdamW.ParamGroup Group(IEnumerable<(string Name, Parameter Parameter)> members, double lr, double weightDecay) =>
        new(members.Select(m => m.Parameter), lr: lr, beta1: Options.Beta1, beta2: Options.Beta2, eps: Options.Epsilon, weight_decay: weightDecay);

    /// <summary>The model being trained (updated in place).</summary>
    public CausalLM Model { get; }

    /// <summary>The settings of the run.</summary>
    public TrainerOptions Options { get; }

    /// <summary>Steps done so far.</summary>
    public int StepsDone => history.Count;

    /// <summary>Every step done so far, in order.</summary>
    public IReadOnlyList<TrainingStep> History => history;

    /// <summary>The held-out loss before the first step (computed by the first <see cref="Step"/> when evaluation is on).</summary>
    public double? InitialValidLoss { get; private set; }

    /// <summary>Names of the parameters with and without weight decay, for checking what the optimiser does.</summary>
    public (IReadOnlyList<string> Decay, IReadOnlyList<string> NoDecay) WeightDecayGroups =>
        (groups.Decay.Select(p => p.Name).ToList(), groups.NoDecay.Select(p => p.Name).ToList());

    /// <summary>The weight decay of each AdamW parameter group, as the optimiser holds it.</summary>
    internal IReadOnlyList<double> OptimizerWeightDecays =>
        optimizer.ParamGroups.Select(g => ((AdamW.ParamGroup)g).Options.weight_decay!.Value).ToList();

    bool Evaluates => valid is not null && Options.EvalEvery > 0;

    /// <summary>
    /// One optimiser step on the next training batch: forward, loss, backward, clip, AdamW update, at the
    /// scheduled learning rate; on evaluation steps also the held-out loss. Appends to the metrics file.
    /// </summary>
    public TrainingStep Step()
    {
        if (StepsDone == 0 && Evaluates)
        {
            InitialValidLoss = Evaluate();
            metrics?.Append(new { Step = 0, ValidLoss = InitialValidLoss });
        }
        double lr = schedule.At(StepsDone);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
        int epoch = train.Epoch;
        var batch = train.Next();
        var clock = Stopwatch.StartNew();
        double loss, norm;
        using (var scope = NewDisposeScope())
        {
            optimizer.zero_grad();
            var lossTensor = LanguageModelLoss.Of(Model, batch);
            lossTensor.backward();
            norm = nn.utils.clip_grad_norm_(parameters, Options.GradClip > 0 ? Options.GradClip : double.PositiveInfinity);
            optimizer.step();
            loss = lossTensor.item<float>();
        }
        double seconds = clock.Elapsed.TotalSeconds;
        if (!double.IsFinite(loss))
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"the training loss became {loss} at step {StepsDone + 1} (learning rate {lr:G3}, gradient norm {norm:G3}); try a lower learning rate or more warmup"));

        int number = StepsDone + 1;
        bool evaluate = Evaluates && (number % Options.EvalEvery == 0 || number == Options.Steps);
        var step = new TrainingStep(number, loss, evaluate ? Evaluate() : null, lr, norm, batch.Rows * batch.Columns, seconds, epoch);
        history.Add(step);
        metrics?.Append(new
        {
            step.Step, step.TrainLoss, step.ValidLoss, step.LearningRate, step.GradNorm, step.Tokens,
            TokensPerSecond = Math.Round(step.TokensPerSecond, 1), Seconds = Math.Round(step.Seconds, 4), step.Epoch,
        });
        return step;
    }

    /// <summary>Runs <paramref name="steps"/> more steps, calling <paramref name="onStep"/> after each; returns them.</summary>
    public IReadOnlyList<TrainingStep> Run(int steps, Action<TrainingStep>? onStep = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var done = new List<TrainingStep>(steps);
        for (int i = 0; i < steps; i++)
        {
            var step = Step();
            done.Add(step);
            onStep?.Invoke(step);
        }
        return done;
    }

    /// <summary>Mean loss per token on the held-out blocks (at most <see cref="TrainerOptions.EvalBatches"/> batches), without gradients.</summary>
    public double Evaluate() =>
        LanguageModelLoss.Mean(Model, valid ?? throw new InvalidOperationException("this trainer has no held-out blocks; pass valid to the constructor"), Options.EvalBatches);

    /// <summary>Frees the optimiser's state (the model stays usable).</summary>
    public void Dispose() => optimizer.Dispose();

    /// <summary>The training and held-out loss curves, and the last step.</summary>
    public string ToHtml()
    {
        if (history.Count == 0) return "<div>Trainer: no steps yet</div>";
        var chart = Charts.Line(history.Select(s => (double)s.Step), history.Select(s => s.TrainLoss), "loss", "step", "nats per token", "train");
        var evaluated = history.Where(s => s.ValidLoss is not null).ToList();
        if (evaluated.Count > 0)
            chart = Plotly.NET.CSharp.Chart.Combine([chart, Charts.Line(evaluated.Select(s => (double)s.Step), evaluated.Select(s => s.ValidLoss!.Value), name: "valid")]);
        return ChartHtml.Fragment(chart) + NotebookHtml.Table(["", "value"], [["steps", StepsDone], ["last step", history[^1].ToString()]]);
    }

    /// <inheritdoc />
    public override string ToString() => history.Count == 0 ? "Trainer: no steps yet" : $"Trainer: {StepsDone} steps; last {history[^1]}";
}
