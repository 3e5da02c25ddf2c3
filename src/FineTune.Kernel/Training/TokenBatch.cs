using static TorchSharp.torch;

namespace FineTune.Kernel.Training;

/// <summary>
/// One batch for next-token training: <see cref="Rows"/> sequences of <see cref="Columns"/> token ids,
/// and for each position the id that should come next (<see cref="IgnoreIndex"/> where nothing is to be
/// learned, e.g. prompt tokens in fine-tuning). Both arrays are row-major (Rows x Columns).
/// </summary>
public sealed record TokenBatch(long[] Inputs, long[] Targets, int Rows, int Columns)
{
    /// <summary>The target value that the loss skips (PyTorch's ignore_index default).</summary>
    public const long IgnoreIndex = -100;

    /// <summary>How many positions count towards the loss.</summary>
    public int PredictedTokens => Targets.Count(t => t != IgnoreIndex);

    /// <summary>Inputs and targets as (Rows, Columns) int64 tensors on <paramref name="device"/> (in the caller's dispose scope).</summary>
    internal (Tensor Inputs, Tensor Targets) ToTensors(Device device) =>
        (tensor(Inputs, [Rows, Columns], ScalarType.Int64, device), tensor(Targets, [Rows, Columns], ScalarType.Int64, device));
}
