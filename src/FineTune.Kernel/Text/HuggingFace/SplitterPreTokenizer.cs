using MlPreTokenizer = Microsoft.ML.Tokenizers.PreTokenizer;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>Lets a <see cref="Splitter"/> run inside Microsoft.ML.Tokenizers as its pre-tokenizer.</summary>
sealed class SplitterPreTokenizer(Splitter splitter) : MlPreTokenizer
{
    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var words = new List<(int Start, int Length)>();
        splitter.Split(text, 0, text.Length, words);
        return words;
    }

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) => PreTokenize(text.ToString());
}
