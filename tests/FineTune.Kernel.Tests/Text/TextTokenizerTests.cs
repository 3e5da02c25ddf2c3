using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;
using static FineTune.Kernel.Tests.Text.TinyTokenizerFolder;

namespace FineTune.Kernel.Tests.Text;

/// <summary>The tokenizer entry point on a tiny byte-level BPE folder the tests write themselves.</summary>
public class TextTokenizerTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    TextTokenizer Tiny(bool addBosToken = false)
    {
        WriteTokenizerJson(folder.Path, addBosToken);
        return TextTokenizer.Load(folder.Path);
    }

    [Fact]
    public void Merges_apply_lowest_rank_first_within_each_word()
    {
        var tokenizer = Tiny();

        // "the" has no "Ġ" so "Ġ t" cannot fire: t + he. " the" merges Ġ t, then h e, then Ġt he.
        Assert.Equal([Id("t"), Id("he"), Id("Ġcat")], tokenizer.Encode("the cat"));
        Assert.Equal([Id("Ġthe"), Id("Ġcat")], tokenizer.Encode(" the cat"));
        Assert.Equal([Id("cat"), Id("s")], tokenizer.Encode("cats"));
    }

    [Fact]
    public void With_ignore_merges_a_word_already_in_the_vocabulary_is_one_token()
    {
        WriteTokenizerJson(folder.Path, ignoreMerges: true);
        var tokenizer = TextTokenizer.Load(folder.Path);

        Assert.Equal([Id("t"), Id("he"), DogId], tokenizer.Encode("the dog"));
        Assert.Equal("the dog", tokenizer.Decode(tokenizer.Encode("the dog")));
    }

    [Fact]
    public void Without_ignore_merges_a_word_is_only_what_merges_make()
    {
        var tokenizer = Tiny();

        Assert.Equal([Id("t"), Id("he"), Id("Ġ"), Id("d"), Id("o"), Id("g")], tokenizer.Encode("the dog"));
    }

    [Fact]
    public void Decoding_the_encoding_gives_back_the_text()
    {
        var tokenizer = Tiny();
        foreach (var text in new[] { "the cat", "  héllo\twörld 😀 ", "line\r\nbreaks\n\n", "数字 123 <b>&amp;", "" })
            Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
    }

    [Fact]
    public void Special_tokens_written_in_the_text_are_matched_whole()
    {
        var tokenizer = Tiny();

        Assert.Equal([Id("c"), EndOfTextId, ImStartId, Id("Ġcat")], tokenizer.Encode("c<|endoftext|><|im_start|> cat"));
        Assert.Equal("c cat", tokenizer.Decode(tokenizer.Encode("c<|endoftext|><|im_start|> cat"), skipSpecialTokens: true));
        Assert.Equal("c<|endoftext|> cat", tokenizer.Decode(tokenizer.Encode("c<|endoftext|> cat")));
    }

    [Fact]
    public void Add_bos_token_in_the_config_puts_bos_first_unless_special_tokens_are_left_out()
    {
        var tokenizer = Tiny(addBosToken: true);

        Assert.Equal([EndOfTextId, Id("cat")], tokenizer.Encode("cat"));
        Assert.Equal([Id("cat")], tokenizer.Encode("cat", addSpecialTokens: false));
        Assert.Equal(1, tokenizer.CountTokens("cat"));
    }

    [Fact]
    public void Special_token_ids_come_from_the_config_files()
    {
        var tokenizer = Tiny();

        Assert.Equal((EndOfText, EndOfTextId), (tokenizer.BosToken, tokenizer.BosTokenId));
        Assert.Equal((EndOfText, EndOfTextId), (tokenizer.EosToken, tokenizer.EosTokenId));
        Assert.Null(tokenizer.PadToken);
        Assert.Equal([EndOfTextId, ImStartId], tokenizer.EosTokenIds);
        Assert.Equal(ImStartId + 1, tokenizer.VocabSize);
        Assert.Equal("Ġcat", tokenizer.IdToToken(Id("Ġcat")));
        Assert.Equal(Id("Ġcat"), tokenizer.TokenToId("Ġcat"));
    }

    [Fact]
    public void Vocab_json_and_merges_txt_give_the_same_tokenizer_as_tokenizer_json()
    {
        var fromJson = Tiny();
        using var slow = new TempFolder();
        WriteVocabAndMerges(slow.Path);

        var fromSlowFiles = TextTokenizer.Load(slow.Path);

        Assert.Equal("byte-level BPE (vocab.json + merges.txt)", fromSlowFiles.Kind);
        foreach (var text in new[] { "the cat", " the cat", "cats<|endoftext|>", "  héllo wörld 😀 " })
            Assert.Equal(fromJson.Encode(text), fromSlowFiles.Encode(text));
        Assert.Equal(fromJson.EosTokenIds, fromSlowFiles.EosTokenIds);
        Assert.Equal(fromJson.VocabSize, fromSlowFiles.VocabSize);
    }

    [Fact]
    public void Saving_and_loading_again_gives_the_same_tokenizer()
    {
        var original = Tiny(addBosToken: true);
        using var saved = new TempFolder();

        original.Save(saved.Path);
        var reloaded = TextTokenizer.Load(saved.Path);

        Assert.Equal(original.Kind, reloaded.Kind);
        Assert.Equal(original.Encode("the cat<|im_start|>"), reloaded.Encode("the cat<|im_start|>"));
        Assert.Equal((original.BosTokenId, original.EosTokenId, original.PadTokenId), (reloaded.BosTokenId, reloaded.EosTokenId, reloaded.PadTokenId));
        Assert.Equal(original.EosTokenIds, reloaded.EosTokenIds);
        Assert.Equal(original.VocabSize, reloaded.VocabSize);
    }

    [Fact]
    public void Tokens_report_which_characters_of_the_input_they_cover()
    {
        var tokenizer = Tiny(addBosToken: true);

        var tokenized = tokenizer.Tokenize("the cat");

        Assert.Equal([(0, 0), (0, 1), (1, 2), (3, 4)], tokenized.Tokens.Select(t => (t.Start, t.Length)));
        Assert.Equal(["", "t", "he", " cat"], tokenized.Tokens.Select(tokenized.TextOf));
        Assert.True(tokenized.Tokens[0].IsSpecial);
        Assert.Equal(tokenizer.Encode("the cat"), tokenized.Ids);
    }

    [Fact]
    public void A_character_split_over_several_byte_tokens_is_covered_by_each_of_them()
    {
        var tokenizer = Tiny();

        var tokenized = tokenizer.Tokenize("é");

        Assert.Equal(2, tokenized.Count); // two UTF-8 bytes, no merge for them
        Assert.All(tokenized.Tokens, t => Assert.Equal((0, 1), (t.Start, t.Length)));
    }

    [Fact]
    public void An_id_outside_the_vocabulary_cannot_be_decoded()
    {
        var tokenizer = Tiny();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.Decode([Id("t"), 99999]));

        Assert.Contains("99999", error.Message);
    }
}

/// <summary>TextTokenizer.ApplyChatTemplate on the tiny folder: the model's template with its special tokens.</summary>
public class TextTokenizerChatTemplateTests : IDisposable
{
    const string Template = "{{ bos_token }}{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}{{ eos_token }}\n{% endfor %}" +
                            "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";

    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_template_in_tokenizer_config_renders_with_the_tokenizers_special_tokens()
    {
        WriteTokenizerJson(folder.Path, chatTemplate: Template);
        var tokenizer = TextTokenizer.Load(folder.Path);

        string prompt = tokenizer.ApplyChatTemplate([ChatMessage.User("the cat")], addGenerationPrompt: true);

        Assert.Equal("<|endoftext|><|im_start|>user\nthe cat<|endoftext|>\n<|im_start|>assistant\n", prompt);
        Assert.Equal(EndOfTextId, tokenizer.Encode(prompt)[0]);
    }

    [Fact]
    public void A_template_with_unsupported_syntax_still_loads_the_tokenizer_and_fails_when_used()
    {
        WriteTokenizerJson(folder.Path, chatTemplate: "{% for m in messages %}\n{% include 'x.jinja' %}{% endfor %}");
        var tokenizer = TextTokenizer.Load(folder.Path);

        Assert.Equal([Id("cat")], tokenizer.Encode("cat"));
        var error = Assert.Throws<ChatTemplateException>(() => tokenizer.ApplyChatTemplate([ChatMessage.User("x")]));
        Assert.Contains($"chat_template in {folder.File("tokenizer_config.json")}, line 2, column 4", error.Message);
        Assert.Equal("unsupported construct {% include %}", error.Reason);
    }

    [Fact]
    public void A_chat_template_jinja_file_takes_precedence_over_tokenizer_config()
    {
        WriteTokenizerJson(folder.Path, chatTemplate: Template);
        File.WriteAllText(folder.File("chat_template.jinja"), "{% for m in messages %}{{ m.content }}{% endfor %}");

        Assert.Equal("the cat", TextTokenizer.Load(folder.Path).ApplyChatTemplate([ChatMessage.User("the cat")]));
    }

    [Fact]
    public void Without_a_template_the_error_points_to_the_presets_and_a_preset_can_be_chosen()
    {
        WriteTokenizerJson(folder.Path);
        var tokenizer = TextTokenizer.Load(folder.Path);

        Assert.Null(tokenizer.ChatTemplate);
        Assert.Contains("chatml", Assert.Throws<InvalidOperationException>(() => tokenizer.ApplyChatTemplate([ChatMessage.User("x")])).Message);
        Assert.Equal("<|im_start|>user\nx<|im_end|>\n", tokenizer.WithChatTemplate(ChatTemplate.Preset("chatml")).ApplyChatTemplate([ChatMessage.User("x")]));
    }

    [Fact]
    public void A_chosen_template_is_saved_with_the_tokenizer()
    {
        WriteTokenizerJson(folder.Path);
        using var saved = new TempFolder();

        TextTokenizer.Load(folder.Path).WithChatTemplate(ChatTemplate.Preset("zephyr")).Save(saved.Path);
        var reloaded = TextTokenizer.Load(saved.Path);

        Assert.Equal(ChatTemplate.Preset("zephyr").Source, reloaded.ChatTemplate!.Source);
        Assert.Equal("<|user|>\nx<|endoftext|>\n", reloaded.ApplyChatTemplate([ChatMessage.User("x")]));
    }
}

