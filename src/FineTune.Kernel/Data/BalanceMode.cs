namespace FineTune.Kernel.Data;

/// <summary>How <see cref="Dataset.BalanceLabels"/> evens out label counts.</summary>
public enum BalanceMode
{
    /// <summary>Keep a random subset of each label, as many as the rarest label has.</summary>
    Downsample,

    /// <summary>Repeat random rows of each label until it has as many as the most frequent label.</summary>
    Upsample,
}
