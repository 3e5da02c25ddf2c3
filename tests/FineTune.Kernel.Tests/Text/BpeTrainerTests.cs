using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Tests.Text;

/// <summary>One byte-level BPE tokenizer trained on generated stories and saved once for the tests of this class.</summary>
public sealed class TrainedTokenizerFolder : IDisposable
{
    readonly TempFolder temp = new();

    public TrainedTokenizerFolder()
    {
        Vocabulary = BpeTrainer.Train(GeneratedStories.Text(1500), new BpeTrainerOptions { VocabSize = 400, ModelMaxLength = 128 });
        Vocabulary.Save(Path);
        Tokenizer = TextTokenizer.Load(Path);
    }

    public string Path => temp.Path;

    public BpeVocabulary Vocabulary { get; }

    public TextTokenizer Tokenizer { get; }

    public void Dispose() => temp.Dispose();
}

public class BpeTrainerTests(TrainedTokenizerFolder trained) : IClassFixture<TrainedTokenizerFolder>
{
    static readonly string[] SampleTexts =
    [
        "Once upon a time, Tom had a little dog.",
        "Café, naïve, façade, Ångström, Straße",
        "I ❤️ my 🐱 and 🐶! 👍🏽",
        "你好，世界。日本語のテキスト",
        "two  spaces,   three, \ttab\t\tand trailing   ",
        "line one\nline two\n\n\nafter blank lines\r\nwindows\n",
        "  leading spaces and <|endoftext|> inside",
        "",
    ];

    public static readonly TheoryData<string> Texts = new(SampleTexts);

    [Theory]
    [MemberData(nameof(Texts))]
    public void Decoding_the_encoded_ids_gives_back_the_text_exactly(string text)
    {
        var tokenizer = trained.Tokenizer;

        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text, addSpecialTokens: false)));
        Assert.Equal(text.Replace("<|endoftext|>", ""), tokenizer.Decode(tokenizer.Encode(text), skipSpecialTokens: true));
    }

    [Fact]
    public void Encoding_puts_the_end_of_text_token_in_front_as_bos()
    {
        var tokenizer = trained.Tokenizer;

        var ids = tokenizer.Encode("The dog");

        Assert.Equal(0, ids[0]);
        Assert.Equal(BpeTrainerOptions.EndOfText, tokenizer.BosToken);
        Assert.Equal(0, tokenizer.BosTokenId);
        Assert.Equal(0, tokenizer.EosTokenId);
        Assert.Equal(0, tokenizer.PadTokenId);
        Assert.True(tokenizer.IsSpecialToken(0));
        Assert.Equal(ids.Skip(1), tokenizer.Encode("The dog", addSpecialTokens: false));
    }

    [Fact]
    public void The_vocab_and_merges_files_give_the_same_ids_as_tokenizer_json()
    {
        using var slow = new TempFolder();
        foreach (string name in new[] { "vocab.json", "merges.txt", "tokenizer_config.json", "special_tokens_map.json" })
            File.Copy(Path.Combine(trained.Path, name), slow.File(name));
        var fromVocabAndMerges = TextTokenizer.Load(slow.Path);

        Assert.Contains("tokenizer.json", trained.Tokenizer.Kind);
        Assert.Contains("vocab.json + merges.txt", fromVocabAndMerges.Kind);
        Assert.Equal(trained.Tokenizer.VocabSize, fromVocabAndMerges.VocabSize);
        foreach (string text in SampleTexts.Append(GeneratedStories.Text(20, seed: 7)))
        {
            Assert.Equal(trained.Tokenizer.Encode(text), fromVocabAndMerges.Encode(text));
            Assert.Equal(trained.Tokenizer.Encode(text, addSpecialTokens: false), fromVocabAndMerges.Encode(text, addSpecialTokens: false));
        }
    }

    [Fact]
    public void Training_twice_on_the_same_text_writes_identical_files()
    {
        using var again = new TempFolder();

        BpeTrainer.Train(GeneratedStories.Text(1500), new BpeTrainerOptions { VocabSize = 400, ModelMaxLength = 128 }).Save(again.Path);

        foreach (string file in Directory.GetFiles(trained.Path))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(again.File(Path.GetFileName(file))));
    }

    [Theory]
    [InlineData(" the")]
    [InlineData(" dog")]
    [InlineData(" opposite")]
    [InlineData("Once")]
    [InlineData(" upon")]
    public void Frequent_words_become_single_tokens(string word)
    {
        Assert.Single(trained.Tokenizer.Encode(word, addSpecialTokens: false));
    }

    [Fact]
    public void The_vocabulary_has_the_size_asked_for_with_the_special_token_first_then_the_256_bytes()
    {
        var vocabulary = trained.Vocabulary;

        Assert.Equal(400, vocabulary.VocabSize);
        Assert.Equal(400, trained.Tokenizer.VocabSize);
        Assert.Equal(BpeTrainerOptions.EndOfText, vocabulary.Tokens[0]);
        Assert.Equal("!", vocabulary.Tokens[1 + '!']);
        Assert.Equal("Ġ", vocabulary.Tokens[1 + ' ']);
        Assert.Equal(400 - 257, vocabulary.Merges.Count);
        Assert.Equal(vocabulary.Merges[0].Left + vocabulary.Merges[0].Right, vocabulary.Tokens[257]);
    }

    [Fact]
    public void Equally_frequent_pairs_merge_in_the_order_of_their_ids()
    {
        // Words "ab", " ab", " cd", " cd": (Ġ,c), (a,b) and (c,d) all occur twice; Ġ has the smallest id,
        // then a; after "Ġc" the tie between (a,b) and (Ġc,d) goes to (a,b), whose ids are older.
        var vocabulary = BpeTrainer.Train("ab cd ab cd", new BpeTrainerOptions { VocabSize = 1000 });

        Assert.Equal([("Ġ", "c"), ("a", "b"), ("Ġc", "d")], vocabulary.Merges);
    }

    [Fact]
    public void Training_stops_when_no_pair_occurs_often_enough()
    {
        var vocabulary = BpeTrainer.Train("ab cd ab cd", new BpeTrainerOptions { VocabSize = 1000, MinFrequency = 2 });

        Assert.Equal(257 + 3, vocabulary.VocabSize);      // (Ġ,ab) occurs once: no fourth merge
    }

    [Fact]
    public void A_run_of_one_letter_is_merged_left_to_right_and_its_pairs_recounted()
    {
        // (a,a) first (12 adjacent pairs); then "aaa" is [aa, a] and "aaaa" is [aa, aa], so (Ġ,aa) occurs 4 times,
        // (aa,a) 3 and (aa,aa) 2; then " aaa" is [Ġaa, a] three times.
        var vocabulary = BpeTrainer.Train("aaaa aaa aaa aaa aaaa", new BpeTrainerOptions { VocabSize = 260 });

        Assert.Equal([("a", "a"), ("Ġ", "aa"), ("Ġaa", "a")], vocabulary.Merges);
    }

    [Fact]
    public void Special_token_text_in_the_training_data_never_becomes_part_of_a_learned_token()
    {
        string text = string.Join("<|endoftext|>", GeneratedStories.Documents(300));

        var vocabulary = BpeTrainer.Train(text, new BpeTrainerOptions { VocabSize = 500 });

        Assert.Equal(["<|endoftext|>"], vocabulary.Tokens.Where(t => t.Contains("endof") || t.Contains("<|") || t.Contains("|>")));
    }

    [Fact]
    public void Extra_special_tokens_get_the_next_ids_and_are_matched_whole()
    {
        using var folder = new TempFolder();
        BpeTrainer.Train(GeneratedStories.Text(50), new BpeTrainerOptions { VocabSize = 300, SpecialTokens = ["<|endoftext|>", "<|pad|>"] }).Save(folder.Path);
        var tokenizer = TextTokenizer.Load(folder.Path);

        Assert.Equal(1, tokenizer.TokenToId("<|pad|>"));
        Assert.True(tokenizer.IsSpecialToken(1));
        Assert.Equal([0, 1], tokenizer.Encode("<|pad|>"));
    }

    [Fact]
    public void A_vocabulary_too_small_for_the_bytes_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BpeTrainer.Train("text", new BpeTrainerOptions { VocabSize = 200 }));

        Assert.Contains("257", error.Message);
    }
}
