namespace FineTune.Samples;

/// <summary>
/// The fixed seeds behind every sample file, one per file, so changing how one file is written
/// does not reshuffle the others. The corpus takes its seed from the command line instead.
/// </summary>
static class Seeds
{
    public const int Split = 1;
    public const int Instructions = 2;
    public const int Classification = 3;
    public const int Chat = 4;
    public const int Preferences = 5;
    public const int Messy = 6;

    /// <summary>The corpus seed whose validation text is committed as data-samples/pretrain/corpus.valid.txt.</summary>
    public const int Corpus = 1;
}
