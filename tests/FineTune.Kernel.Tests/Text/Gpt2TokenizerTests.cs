using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;
using FineTune.Kernel.Text.HuggingFace;

namespace FineTune.Kernel.Tests.Text;

/// <summary>
/// The real GPT-2 tokenizer files (../shared/fixtures/lm-buddy-fake-gpt2, saved by transformers) against
/// the ids transformers produced for GPT-2 over multilingual and edge-case inputs.
/// </summary>
public class Gpt2TokenizerTests
{
    static string? Gpt2 => RepoPaths.SharedFixtures("lm-buddy-fake-gpt2");

    const string MissingGpt2 = "../shared/fixtures/lm-buddy-fake-gpt2 is not on this machine";

    static TextTokenizer LoadGpt2()
    {
        Skip.If(Gpt2 is null, MissingGpt2);
        Skip.If(SwiftBaselines.Folder is null, SwiftBaselines.Missing);
        return TextTokenizer.Load(Gpt2!);
    }

    [SkippableFact]
    public void Multilingual_inputs_give_the_ids_tokens_and_text_transformers_gives()
    {
        var tokenizer = LoadGpt2();
        foreach (var entry in SwiftBaselines.Multilingual("gpt2"))
        {
            var ids = tokenizer.Encode(entry.Text);
            Assert.True(entry.Ids.SequenceEqual(ids), $"{entry.Id}: expected [{string.Join(",", entry.Ids)}], got [{string.Join(",", ids)}]");
            Assert.Equal(entry.Tokens, tokenizer.IdsToTokens(ids));
            // openai-community/gpt2's config (the baseline's) does not ask for transformers' space cleanup; this folder's does.
            Assert.Equal(entry.DecodedWithSpecial, tokenizer.Decode(ids, cleanUpTokenizationSpaces: false));
            Assert.Equal(entry.DecodedSkipSpecial, tokenizer.Decode(ids, skipSpecialTokens: true, cleanUpTokenizationSpaces: false));
            Assert.Equal(entry.Text, tokenizer.Decode(ids, cleanUpTokenizationSpaces: false));
        }
    }

    [SkippableFact]
    public void Edge_cases_give_the_ids_and_text_transformers_gives_including_its_cleanup_of_spaces()
    {
        var tokenizer = LoadGpt2();
        foreach (var entry in SwiftBaselines.EdgeCases("distilgpt2"))
        {
            Assert.Equal(entry.Ids, tokenizer.Encode(entry.Text));
            Assert.Equal(entry.DecodedWithSpecial, tokenizer.Decode(entry.Ids));
            Assert.Equal(entry.DecodedSkipSpecial, tokenizer.Decode(entry.Ids, skipSpecialTokens: true));
        }
    }

    [SkippableFact]
    public void A_long_paragraph_gives_the_recorded_tokens()
    {
        var tokenizer = LoadGpt2();
        var paragraph = SwiftBaselines.Paragraph("gpt2_encoded_tokens.json");

        var ids = tokenizer.Encode(paragraph.Text);

        Assert.Equal(paragraph.Ids, ids);
        Assert.Equal(paragraph.Tokens, tokenizer.IdsToTokens(ids));
        Assert.Equal(paragraph.DecodedWithSpecial, tokenizer.Decode(ids));
    }

    [SkippableFact]
    public void Special_tokens_come_from_the_folders_config_files()
    {
        var tokenizer = LoadGpt2();

        Assert.Equal("byte-level BPE (tokenizer.json)", tokenizer.Kind);
        Assert.Equal(50257, tokenizer.VocabSize);
        Assert.Equal(("<|endoftext|>", 50256), (tokenizer.BosToken, tokenizer.BosTokenId));
        Assert.Equal(("<|endoftext|>", 50256), (tokenizer.EosToken, tokenizer.EosTokenId));
        Assert.Null(tokenizer.PadTokenId);
        Assert.Equal([50256], tokenizer.EosTokenIds);
        Assert.Equal([87, 50256, 88], tokenizer.Encode("x<|endoftext|>y"));
        Assert.True(tokenizer.IsSpecialToken(50256));
    }

    [SkippableFact]
    public void Vocab_json_and_merges_txt_alone_give_the_same_ids_as_tokenizer_json()
    {
        var fromJson = LoadGpt2();
        using var folder = new TempFolder();
        foreach (var name in new[] { "vocab.json", "merges.txt", "tokenizer_config.json", "special_tokens_map.json" })
            File.Copy(Path.Combine(Gpt2!, name), folder.File(name));

        var fromSlowFiles = TextTokenizer.Load(folder.Path);

        Assert.Equal("byte-level BPE (vocab.json + merges.txt)", fromSlowFiles.Kind);
        foreach (var entry in SwiftBaselines.Multilingual("gpt2"))
            Assert.Equal(fromJson.Encode(entry.Text), fromSlowFiles.Encode(entry.Text));
        Assert.Equal(fromJson.EosTokenId, fromSlowFiles.EosTokenId);
        Assert.Equal(fromJson.VocabSize, fromSlowFiles.VocabSize);
    }

    [SkippableFact]
    public void Word_by_word_encoding_agrees_with_the_whole_segment_fast_path()
    {
        // GPT-2 normally runs whole segments inside Microsoft.ML.Tokenizers; tokenizers with a prefix space or
        // ignore_merges go word by word through our pre-tokenizer. Both must give the same ids.
        var fast = LoadGpt2();
        var vocab = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(Path.Combine(Gpt2!, "vocab.json")))!;
        var model = new BpeModel(new BpeSettings(vocab, VocabMergesReader.ReadMerges(Path.Combine(Gpt2!, "merges.txt"))));
        var wordByWord = new TokenizerPipeline(model, [new AddedToken(50256, "<|endoftext|>", true)],
            preTokenizer: new ByteLevelPreTokenizer(addPrefixSpace: false, useRegex: true), decoder: new ByteLevelDecoder());

        Assert.False(model.TakesSegments);
        foreach (var entry in SwiftBaselines.Multilingual("gpt2"))
        {
            var ids = new List<int>();
            wordByWord.EncodeIds(entry.Text, ids);
            Assert.Equal(fast.Encode(entry.Text), ids);
        }
    }
}
