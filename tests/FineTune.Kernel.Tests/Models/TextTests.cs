using FineTune.Kernel.Models;
using FineTune.Kernel.Notebook;
using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Tests.Text;

namespace FineTune.Kernel.Tests.Models;

/// <summary>Generation, scoring and perplexity from text, through the model folder's tokenizer.</summary>
public class TextTests
{
    [Fact]
    public void A_model_folder_with_tokenizer_files_generates_text_from_text()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);

        var result = model.Generate("the cat", maxNewTokens: 6);

        Assert.NotNull(model.Tokenizer);
        Assert.Equal("the cat", result.Prompt);
        Assert.Equal(model.Tokenizer!.Encode("the cat"), result.PromptTokenIds);
        Assert.Equal(model.Tokenizer.Decode(result.TokenIds, skipSpecialTokens: true), result.Text);
        Assert.Equal(result.Text, result.ToString());
    }

    [Fact]
    public void End_of_sequence_ids_include_the_tokenizer_and_generation_config_ones()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);

        Assert.Equal([TinyTokenizerFolder.EndOfTextId, TinyTokenizerFolder.ImStartId], model.EosTokenIds.Order());
    }

    [Fact]
    public void A_stop_string_ends_generation_and_the_text_stops_before_it()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);
        var free = model.Generate("the", new GenerationOptions { MaxNewTokens = 30, EosTokenIds = [] });
        int at = Enumerable.Range(2, free.Text!.Length - 2).First(i => free.Text[i] != '\uFFFD');
        string stop = free.Text[at].ToString();

        var stopped = model.Generate("the", new GenerationOptions { MaxNewTokens = 30, EosTokenIds = [], StopStrings = [stop] });

        Assert.Equal(FinishReason.StopString, stopped.FinishReason);
        Assert.Equal(free.Text[..free.Text.IndexOf(stop, StringComparison.Ordinal)], stopped.Text);
        Assert.True(stopped.TokenIds.Count < free.TokenIds.Count || free.FinishReason != FinishReason.MaxNewTokens);
    }

    [Fact]
    public void Text_streams_to_the_callback_and_shows_live_in_a_notebook_output()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);
        var sink = new RecordingSink();
        var pieces = new List<string>();
        GenerationResult shown, streamed;

        using (Display.UseFor(sink)) shown = model.Generate("the cat", maxNewTokens: 8, show: true);
        streamed = model.Generate("the cat", new GenerationOptions { MaxNewTokens = 8, OnToken = t => pieces.Add(t.Text) });

        Assert.Equal("the cat" + shown.Text, sink.Outputs.Single());
        Assert.True(sink.Updates >= shown.TokenIds.Count);
        Assert.Equal(streamed.Text, string.Concat(pieces));
    }

    [Fact]
    public void The_start_of_a_possible_stop_string_is_held_back_so_the_stream_never_shows_part_of_it()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);
        var free = model.Generate("the", new GenerationOptions { MaxNewTokens = 30, EosTokenIds = [] });
        string text = free.Text!;
        // a two-character stop string whose first occurrence straddles two tokens
        var boundaries = Enumerable.Range(1, free.TokenIds.Count - 1).Select(k => model.Tokenizer!.Decode(free.TokenIds.Take(k), skipSpecialTokens: true).Length);
        int boundary = boundaries.First(b => b > 1 && b < text.Length && !text.Substring(b - 1, 2).Contains('\uFFFD')
            && text.IndexOf(text.Substring(b - 1, 2), StringComparison.Ordinal) == b - 1);
        string stop = text.Substring(boundary - 1, 2);
        var pieces = new List<string>();

        var result = model.Generate("the", new GenerationOptions { MaxNewTokens = 30, EosTokenIds = [], StopStrings = [stop], OnToken = t => pieces.Add(t.Text) });

        Assert.Equal(text[..(boundary - 1)], result.Text);
        Assert.Equal(result.Text, string.Concat(pieces));
    }

    [Fact]
    public void A_batch_of_text_prompts_generates_what_each_prompt_generates_alone()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);
        string[] prompts = ["the cat sat on the", "a", "cat"];
        var options = new GenerationOptions { MaxNewTokens = 6, EosTokenIds = [] };

        var batch = model.Generate(prompts, options);

        for (int i = 0; i < prompts.Length; i++) Assert.Equal(model.Generate(prompts[i], options).Text, batch[i].Text);
    }

    [Fact]
    public void Trailing_spaces_of_the_context_move_to_the_continuation_as_lm_eval_does()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);

        var moved = model.Score("the ", "cat");
        var plain = model.Score("the", " cat");

        Assert.Equal("the", moved.Context);
        Assert.Equal(" cat", moved.Continuation);
        Assert.Equal([TinyTokenizerFolder.Id("t"), TinyTokenizerFolder.Id("he")], moved.ContextTokenIds);
        Assert.Equal([TinyTokenizerFolder.Id("Ġcat")], moved.ContinuationTokenIds);
        Assert.Equal(plain.LogLikelihood, moved.LogLikelihood);
        Assert.Equal(model.Score(moved.ContextTokenIds, moved.ContinuationTokenIds).LogLikelihood, moved.LogLikelihood);
    }

    [Fact]
    public void The_continuation_is_what_the_joint_encoding_adds_after_the_context_tokens()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);

        // "the" + " cathe": encoded together, the continuation is Ġcat + he
        var score = model.Score("the", " cathe");

        Assert.Equal([TinyTokenizerFolder.Id("Ġcat"), TinyTokenizerFolder.Id("he")], score.ContinuationTokenIds);
    }

    [Fact]
    public void A_continuation_that_merges_into_the_last_context_token_is_refused()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);

        // "ca" + "t" encodes as the single token "cat": the continuation has no token of its own
        var error = Assert.Throws<ArgumentException>(() => model.Score("ca", "t"));

        Assert.Contains("no tokens of its own", error.Message);
    }

    [Fact]
    public void An_empty_context_is_scored_after_the_BOS_token()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);

        var score = model.Score("", "the cat");

        Assert.Equal([TinyTokenizerFolder.EndOfTextId], score.ContextTokenIds);
        Assert.Equal(model.Tokenizer!.Encode("the cat", addSpecialTokens: false), score.ContinuationTokenIds);
    }

    [Fact]
    public void Perplexity_of_text_is_perplexity_of_its_tokens_and_a_dataset_is_joined_with_blank_lines()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);

        var text = model.Perplexity("the cat sat on the mat", maxLength: 8, stride: 4);
        var tokens = model.Perplexity(model.Tokenizer!.Encode("the cat sat on the mat"), maxLength: 8, stride: 4);
        var dataset = model.Perplexity(["the cat", "sat on the mat"]);

        Assert.Equal(tokens.MeanNegativeLogLikelihood, text.MeanNegativeLogLikelihood);
        Assert.Equal(model.Perplexity("the cat\n\nsat on the mat").Perplexity, dataset.Perplexity);
    }

    [Fact]
    public void A_saved_model_folder_carries_its_tokenizer()
    {
        using var folder = new TempFolder();
        using var copy = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);

        model.Save(copy.Path);
        var loaded = CausalLM.Load(copy.Path);

        Assert.True(File.Exists(copy.File("tokenizer.json")));
        Assert.Equal(model.Generate("the cat", maxNewTokens: 5).Text, loaded.Generate("the cat", maxNewTokens: 5).Text);
    }

    [Fact]
    public void Text_methods_without_a_tokenizer_say_how_to_get_one()
    {
        var model = TinyModels.Create("llama");

        var error = Assert.Throws<InvalidOperationException>(() => model.Generate("the cat"));

        Assert.Contains("no tokenizer", error.Message);
    }

    [SkippableFact]
    public void The_lm_buddy_GPT2_folder_generates_text_with_the_real_GPT2_tokenizer()
    {
        string? source = RepoPaths.SharedFixtures("lm-buddy-fake-gpt2");
        Skip.If(source is null, "../shared/fixtures/lm-buddy-fake-gpt2 is not on this machine");
        var model = CausalLM.Load(source);

        var result = model.Generate("Hello, my name is", maxNewTokens: 8);
        var score = model.Score("Question: 2+2=\nAnswer:", " 4");

        Assert.Equal([15496, 11, 616, 1438, 318], result.PromptTokenIds);     // GPT-2's ids for the prompt
        Assert.Equal(8, result.TokenIds.Count(id => id != 50256) + (result.FinishReason == FinishReason.EndOfSequence ? 1 : 0));
        Assert.Equal(model.Tokenizer!.Decode(result.TokenIds, skipSpecialTokens: true), result.Text);
        Assert.Equal(model.Tokenizer.Encode(" 4", addSpecialTokens: false), score.ContinuationTokenIds);
    }
}
