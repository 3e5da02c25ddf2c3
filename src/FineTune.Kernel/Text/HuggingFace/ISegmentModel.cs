namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// A model that takes a whole segment of raw text at once and does its own splitting inside
/// Microsoft.ML.Tokenizers (byte-level BPE, tiktoken): faster than word by word, offsets absolute.
/// </summary>
interface ISegmentModel
{
    bool TakesSegments { get; }

    void EncodeSegment(string text, int start, int length, List<ModelToken> output);

    void EncodeSegmentIds(string text, int start, int length, List<int> output);
}
