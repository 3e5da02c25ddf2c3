namespace FineTune.Kernel.Models;

/// <summary>One token as generation produces it, for <see cref="GenerationOptions.OnToken"/>.</summary>
/// <param name="Sequence">Which prompt of the batch it belongs to (0 for a single prompt).</param>
/// <param name="TokenId">The token id.</param>
/// <param name="Text">The text this token adds (empty without a tokenizer, or while a multi-byte character is incomplete).</param>
public readonly record struct StreamedToken(int Sequence, int TokenId, string Text);
