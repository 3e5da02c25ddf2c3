namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// The special tokens a tokenizer puts around one encoded text when asked to (the "single" case of
/// tokenizer.json's post_processor, or add_bos_token / add_eos_token): BOS before, EOS or [SEP] after.
/// </summary>
sealed record SpecialTokenTemplate(IReadOnlyList<(int Id, string Token)> Before, IReadOnlyList<(int Id, string Token)> After)
{
    public static readonly SpecialTokenTemplate None = new([], []);

    public SpecialTokenTemplate Then(SpecialTokenTemplate next) => new([.. Before, .. next.Before], [.. After, .. next.After]);
}
