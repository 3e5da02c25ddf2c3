namespace FineTune.Kernel.Models;

/// <summary>Why generation of one sequence stopped.</summary>
public enum FinishReason
{
    /// <summary>It produced the requested number of new tokens.</summary>
    MaxNewTokens,
    /// <summary>It produced an end-of-sequence token (kept in <see cref="GenerationResult.TokenIds"/>, not in the text).</summary>
    EndOfSequence,
    /// <summary>Its text reached one of the stop strings (the text ends before it).</summary>
    StopString,
}
