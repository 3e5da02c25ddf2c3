using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;
using FineTune.Kernel.Text.HuggingFace;
using static FineTune.Kernel.Tests.Text.TinySentencePieceModel;

namespace FineTune.Kernel.Tests.Text;

/// <summary>A SentencePiece tokenizer.model folder, on a tiny model the tests write themselves.</summary>
public class SentencePieceTokenizerTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    TextTokenizer Tiny()
    {
        Write(folder.File("tokenizer.model"));
        return TextTokenizer.Load(folder.Path);
    }

    [Fact]
    public void Pieces_merge_highest_score_first_after_the_dummy_prefix()
    {
        var tokenizer = Tiny();

        Assert.Equal("SentencePiece BPE (tokenizer.model)", tokenizer.Kind);
        Assert.Equal([Id("▁the"), Id("▁cat")], tokenizer.Encode("the cat", addSpecialTokens: false));
    }

    [Fact]
    public void A_folder_with_only_a_model_adds_bos_as_transformers_llama_tokenizer_does()
    {
        var tokenizer = Tiny();

        Assert.Equal([1, Id("▁the"), Id("▁cat")], tokenizer.Encode("the cat"));
        Assert.Equal(("<s>", 1, "</s>", 2), (tokenizer.BosToken, tokenizer.BosTokenId, tokenizer.EosToken, tokenizer.EosTokenId));
        Assert.Equal(0, tokenizer.UnkTokenId);
    }

    [Fact]
    public void A_character_missing_from_the_pieces_falls_back_to_its_utf8_bytes()
    {
        var tokenizer = Tiny();

        var ids = tokenizer.Encode("thé", addSpecialTokens: false);

        Assert.Equal([Id("▁t"), Id("h"), ByteId(0xC3), ByteId(0xA9)], ids);
        Assert.Equal("thé", tokenizer.Decode(ids));
    }

    [Fact]
    public void Decoding_the_encoding_gives_back_the_text()
    {
        var tokenizer = Tiny();
        foreach (var text in new[] { "the cat", "Grüße, 数字 😀!", "two  spaces\nand a tab\t" })
            Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text), skipSpecialTokens: true));
    }

    [Fact]
    public void Offsets_point_into_the_input_not_the_escaped_text()
    {
        var tokenized = Tiny().Tokenize("the cat");

        Assert.Equal(["", "the", " cat"], tokenized.Tokens.Select(tokenized.TextOf));
    }

    [Fact]
    public void Saving_and_loading_again_gives_the_same_tokenizer()
    {
        var original = Tiny();
        using var saved = new TempFolder();

        original.Save(saved.Path);
        var reloaded = TextTokenizer.Load(saved.Path);

        Assert.Equal(original.Encode("the thé cat"), reloaded.Encode("the thé cat"));
        Assert.Equal(original.Kind, reloaded.Kind);
    }

    [Fact]
    public void A_model_file_on_its_own_encodes_as_sentencepiece_does_without_bos()
    {
        Write(folder.File("tiny.model"));

        var tokenizer = TextTokenizer.Load(folder.File("tiny.model"));

        Assert.Equal([Id("▁the"), Id("▁cat")], tokenizer.Encode("the cat"));
        Assert.Equal("SentencePiece BPE (tiny.model)", tokenizer.Kind);
    }

    [Fact]
    public void A_model_file_saved_to_a_folder_loads_back_the_same_without_bos()
    {
        Write(folder.File("tiny.model"));
        var original = TextTokenizer.Load(folder.File("tiny.model"));
        using var saved = new TempFolder();

        original.Save(saved.Path);
        var reloaded = TextTokenizer.Load(saved.Path);

        Assert.Equal(original.Encode("the cat"), reloaded.Encode("the cat"));
        Assert.Equal((original.BosTokenId, original.EosTokenId, original.UnkTokenId), (reloaded.BosTokenId, reloaded.EosTokenId, reloaded.UnkTokenId));
    }

    [Fact]
    public void A_long_text_is_merged_in_pieces_with_the_same_result_as_merging_it_whole()
    {
        // Without a pre-tokenizer the whole text is one word; BpeModel cuts it where no token can span the cut.
        Write(folder.File("tokenizer.model"));
        var model = (BpeModel)SentencePieceReader.Read(folder.File("tokenizer.model")).Pipeline.Model;
        string word = string.Concat(Enumerable.Repeat("▁the▁cat▁▁the", 40));

        var pieces = new List<ModelToken>();
        model.Encode(word, pieces);

        Assert.Equal(160, model.Chunks(word).Count); // before every "▁": no token of this vocabulary has one inside
        Assert.Equal(model.Inner.EncodeToIds(word, considerPreTokenization: false, considerNormalization: false), pieces.Select(p => p.Id));
        Assert.Equal(word, string.Concat(pieces.Select(p => word[p.Start..p.End])));
    }
}
