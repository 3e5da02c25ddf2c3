using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Tests.Text;

/// <summary>
/// The Llama 2 / TinyLlama tokenizer (../shared/fixtures/llama2-tokenizer), through its tokenizer.json and
/// through its SentencePiece tokenizer.model, against the ids transformers produced.
/// </summary>
public class LlamaTokenizerTests
{
    static string? Llama => RepoPaths.SharedFixtures("llama2-tokenizer");

    static TextTokenizer FromTokenizerJson()
    {
        Skip.If(Llama is null, "../shared/fixtures/llama2-tokenizer is not on this machine");
        Skip.If(SwiftBaselines.Folder is null, SwiftBaselines.Missing);
        return TextTokenizer.Load(Llama!);
    }

    /// <summary>The same folder without tokenizer.json, so the SentencePiece model is used.</summary>
    static TextTokenizer FromSentencePieceModel(TempFolder folder)
    {
        FromTokenizerJson();
        foreach (var name in new[] { "tokenizer.model", "tokenizer_config.json", "special_tokens_map.json" })
            File.Copy(Path.Combine(Llama!, name), folder.File(name));
        return TextTokenizer.Load(folder.Path);
    }

    [SkippableFact]
    public void Tokenizer_json_gives_transformers_ids_tokens_and_text_on_multilingual_inputs()
    {
        var tokenizer = FromTokenizerJson();
        Assert.Equal("BPE (tokenizer.json)", tokenizer.Kind);
        AssertMatchesBaseline(tokenizer, checkTokens: true);
    }

    [SkippableFact]
    public void Sentencepiece_model_gives_transformers_ids_on_multilingual_inputs()
    {
        using var folder = new TempFolder();
        var tokenizer = FromSentencePieceModel(folder);
        Assert.Equal("SentencePiece BPE (tokenizer.model)", tokenizer.Kind);
        AssertMatchesBaseline(tokenizer, checkTokens: true);
    }

    [SkippableFact]
    public void Edge_cases_give_transformers_ids_and_text_from_both_files()
    {
        using var folder = new TempFolder();
        foreach (var tokenizer in new[] { FromTokenizerJson(), FromSentencePieceModel(folder) })
            foreach (var entry in SwiftBaselines.EdgeCases("coreml-projects/Llama-2-7b-chat-coreml"))
            {
                Assert.Equal(entry.Ids, tokenizer.Encode(entry.Text));
                Assert.Equal(entry.DecodedSkipSpecial, tokenizer.Decode(entry.Ids, skipSpecialTokens: true));
            }
    }

    [SkippableFact]
    public void Tokenizer_json_decodes_with_special_tokens_as_transformers_does()
    {
        var tokenizer = FromTokenizerJson();
        foreach (var entry in SwiftBaselines.EdgeCases("coreml-projects/Llama-2-7b-chat-coreml"))
            Assert.Equal(entry.DecodedWithSpecial, tokenizer.Decode(entry.Ids));
    }

    [SkippableFact]
    public void A_long_paragraph_gives_the_recorded_pieces_with_byte_fallback()
    {
        using var folder = new TempFolder();
        var tokenizers = new[] { FromTokenizerJson(), FromSentencePieceModel(folder) };
        var paragraph = SwiftBaselines.Paragraph("llama_encoded.json");
        foreach (var tokenizer in tokenizers)
        {
            var ids = tokenizer.Encode(paragraph.Text);
            Assert.Equal(paragraph.Ids, ids);
            Assert.Equal(paragraph.Tokens, tokenizer.IdsToTokens(ids.Skip(1))); // the recorded pieces leave out BOS
            Assert.Equal(paragraph.Text, tokenizer.Decode(ids, skipSpecialTokens: true));
        }
        Assert.Equal(paragraph.DecodedWithSpecial, FromTokenizerJson().Decode(paragraph.Ids)); // "<s> Fatouville..."
    }

    [SkippableFact]
    public void Special_tokens_and_bos_come_from_the_config()
    {
        var tokenizer = FromTokenizerJson();

        Assert.Equal(("<s>", 1), (tokenizer.BosToken, tokenizer.BosTokenId));
        Assert.Equal(("</s>", 2), (tokenizer.EosToken, tokenizer.EosTokenId));
        Assert.Equal(("<unk>", 0), (tokenizer.PadToken, tokenizer.PadTokenId));
        Assert.Equal(32000, tokenizer.VocabSize);
        Assert.Equal(1, tokenizer.Encode("Hi")[0]);
        Assert.NotEqual(1, tokenizer.Encode("Hi", addSpecialTokens: false)[0]);
    }

    [SkippableFact]
    public void Offsets_point_into_the_input_despite_the_prepended_metaspace()
    {
        var tokenizer = FromTokenizerJson();

        var tokenized = tokenizer.Tokenize("Hello world");

        Assert.Equal(["", "Hello", " world"], tokenized.Tokens.Select(tokenized.TextOf));
    }

    static void AssertMatchesBaseline(TextTokenizer tokenizer, bool checkTokens)
    {
        foreach (var entry in SwiftBaselines.Multilingual("tinyllama"))
        {
            var ids = tokenizer.Encode(entry.Text);
            Assert.True(entry.Ids.SequenceEqual(ids), $"{entry.Id}: expected [{string.Join(",", entry.Ids)}], got [{string.Join(",", ids)}]");
            if (checkTokens) Assert.Equal(entry.Tokens, tokenizer.IdsToTokens(ids));
            Assert.Equal(entry.DecodedSkipSpecial, tokenizer.Decode(ids, skipSpecialTokens: true));
        }
    }
}
