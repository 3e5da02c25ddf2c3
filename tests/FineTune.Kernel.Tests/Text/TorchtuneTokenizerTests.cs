using System.Text.Json;
using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Tests.Text;

/// <summary>torchtune's test tokenizers (../shared/fixtures/torchtune-assets/tokenizers).</summary>
public class TorchtuneTokenizerTests
{
    static string? Assets => RepoPaths.SharedFixtures("torchtune-assets");

    static string Tokenizers
    {
        get
        {
            Skip.If(Assets is null, "../shared/fixtures/torchtune-assets is not on this machine");
            return Path.Combine(Assets!, "tokenizers");
        }
    }

    /// <summary>Texts to compare tokenizers on: the instructions and answers of the Alpaca sample.</summary>
    static IEnumerable<string> AlpacaTexts()
    {
        using var rows = JsonDocument.Parse(File.ReadAllText(Path.Combine(Assets!, "datasets", "alpaca_tiny.json")));
        return rows.RootElement.EnumerateArray().Select(r => r.GetProperty("text").GetString()!).ToList();
    }

    [SkippableFact]
    public void Sentencepiece_model_with_nmt_nfkc_rules_gives_the_recorded_ids_pieces_and_text()
    {
        string folder = Tokenizers;
        var tokenizer = TextTokenizer.Load(Path.Combine(folder, "m.model"));
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "m_model_cases.json")));

        foreach (var c in cases.RootElement.GetProperty("cases").EnumerateArray())
        {
            string text = c.GetProperty("text").GetString()!;
            var ids = tokenizer.Encode(text);
            Assert.Equal(c.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()), ids);
            // sentencepiece shows an unknown piece as the text it covers: so must our offsets.
            var tokenized = tokenizer.Tokenize(text);
            var pieces = tokenized.Tokens.Select(t => t.Id == tokenizer.UnkTokenId ? tokenized.TextOf(t) : t.Token);
            Assert.Equal(c.GetProperty("pieces").EnumerateArray().Select(p => p.GetString()!), pieces);
            Assert.Equal(c.GetProperty("decoded").GetString(), tokenizer.Decode(ids));
        }
    }

    [SkippableFact]
    public void Qwen2_style_vocab_and_merges_give_the_same_ids_as_its_tokenizer_json()
    {
        string folder = Tokenizers;
        var fromJson = TextTokenizer.Load(Path.Combine(folder, "tiny_bpe_tokenizer.json"));
        using var slow = new TempFolder();
        File.Copy(Path.Combine(folder, "tiny_bpe_vocab.json"), slow.File("vocab.json"));
        File.Copy(Path.Combine(folder, "tiny_bpe_merges.txt"), slow.File("merges.txt"));
        File.WriteAllText(slow.File("tokenizer_config.json"), """
            {"tokenizer_class": "Qwen2Tokenizer", "eos_token": "<|endoftext|>",
             "added_tokens_decoder": {"2000": {"content": "<|endoftext|>", "special": true},
                                      "2001": {"content": "<|im_start|>", "special": true},
                                      "2002": {"content": "<|im_end|>", "special": true}}}
            """);
        var fromSlowFiles = TextTokenizer.Load(slow.Path);

        foreach (var text in AlpacaTexts().Append("<|im_start|>user\nCafe\u0301 ½ 12345<|im_end|>"))
            Assert.Equal(fromJson.Encode(text), fromSlowFiles.Encode(text));
        Assert.Equal(fromJson.Encode("Café"), fromSlowFiles.Encode("Cafe\u0301")); // NFC: e + combining acute is é
    }

    [SkippableFact]
    public void Llama3_style_tokenizer_json_with_ignore_merges_round_trips()
    {
        var tokenizer = TextTokenizer.Load(Path.Combine(Tokenizers, "tokenizer.json"));

        foreach (var text in AlpacaTexts())
            Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        Assert.Equal("byte-level BPE (tokenizer.json)", tokenizer.Kind);
    }

    [SkippableFact]
    public void An_old_style_config_with_AddedToken_objects_names_the_special_tokens()
    {
        var tokenizer = TextTokenizer.Load(Path.Combine(Tokenizers, "tokenizer.json"));

        Assert.Equal("<|begin_of_sentence|>", tokenizer.BosToken);
        Assert.Equal("<|end_of_sentence|>", tokenizer.EosToken);
        Assert.Null(tokenizer.BosTokenId); // named in the config, absent from this vocabulary
    }
}
