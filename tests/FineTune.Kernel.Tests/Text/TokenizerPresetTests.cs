using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Tests.Text;

/// <summary>Counting tokens without a model: OpenAI's tiktoken encodings by name.</summary>
public class TokenizerPresetTests
{
    [Theory]
    [InlineData("o200k", new[] { 13225, 2375 }, 199999)]
    [InlineData("cl100k", new[] { 9906, 1917 }, 100257)]
    public void Presets_give_tiktoken_ids(string preset, int[] helloWorld, int endOfText)
    {
        var tokenizer = TextTokenizer.Load(preset);

        Assert.Equal(helloWorld, tokenizer.Encode("Hello world"));
        Assert.Equal(endOfText, tokenizer.EosTokenId);
        Assert.Equal(2, tokenizer.CountTokens("Hello world"));
        Assert.Contains("tiktoken", tokenizer.Kind);
    }

    [Fact]
    public void Preset_text_round_trips_even_where_a_character_spans_tokens()
    {
        var tokenizer = TextTokenizer.Load("o200k");
        const string text = "Grüße 😀🚀 数字 <|endoftext|> done";

        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        Assert.Equal(text.Replace("<|endoftext|>", ""), tokenizer.Decode(tokenizer.Encode(text), skipSpecialTokens: true));
    }

    [Fact]
    public void A_saved_preset_loads_back_as_the_same_preset()
    {
        using var folder = new TempFolder();
        var tokenizer = TextTokenizer.Load("cl100k");

        tokenizer.Save(folder.Path);
        var reloaded = TextTokenizer.Load(folder.Path);

        Assert.Equal(tokenizer.Encode("Saved and loaded"), reloaded.Encode("Saved and loaded"));
        Assert.Equal(tokenizer.VocabSize, reloaded.VocabSize);
        Assert.Equal(tokenizer.EosTokenId, reloaded.EosTokenId);
    }
}
