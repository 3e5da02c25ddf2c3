using FineTune.Kernel.Models;
using FineTune.Kernel.Notebook;
using FineTune.Kernel.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace FineTune.Kernel.Tests.Models;

public class GenerationTests
{
    static readonly int[] Prompt = [5, 17, 3, 42, 8];

    [Theory]
    [InlineData("gpt2")]
    [InlineData("llama")]
    [InlineData("mistral")]
    [InlineData("qwen2")]
    public void Cached_generation_gives_exactly_the_tokens_of_uncached_generation(string family)
    {
        var model = TinyModels.Create(family);
        var options = new GenerationOptions { MaxNewTokens = 24, EosTokenIds = [] };

        var cached = model.Generate(Prompt, options);
        var uncached = model.Generate(Prompt, options with { UseCache = false });

        Assert.Equal(24, cached.TokenIds.Count);
        Assert.Equal(uncached.TokenIds, cached.TokenIds);
    }

    [Theory]
    [InlineData("gpt2")]
    [InlineData("mistral")]
    public void Greedy_generation_picks_the_argmax_of_a_full_forward_pass_at_each_step(string family)
    {
        var model = TinyModels.Create(family);
        var sequence = Prompt.Select(t => (long)t).ToList();
        using (no_grad())
            for (int step = 0; step < 12; step++)
            {
                using var scope = NewDisposeScope();
                var logits = model.call(tensor(sequence.ToArray()).view(1, -1));
                sequence.Add(logits[0, -1].argmax().item<long>());
            }

        var generated = model.Generate(Prompt, new GenerationOptions { MaxNewTokens = 12, EosTokenIds = [] });

        Assert.Equal(sequence.Skip(Prompt.Length).Select(t => (int)t), generated.TokenIds);
    }

    [Theory]
    [InlineData("gpt2")]
    [InlineData("llama")]
    [InlineData("mistral")]
    public void A_left_padded_batch_generates_what_each_prompt_generates_alone(string family)
    {
        var model = TinyModels.Create(family);
        int[][] prompts = [[5, 17, 3, 42, 8, 9, 11], [7], [30, 31, 2]];
        var options = new GenerationOptions { MaxNewTokens = 10, EosTokenIds = [] };

        var batched = model.Generate(prompts, options);

        for (int i = 0; i < prompts.Length; i++)
            Assert.Equal(model.Generate(prompts[i], options).TokenIds, batched[i].TokenIds);
    }

    [Fact]
    public void The_same_seed_samples_the_same_tokens_and_another_seed_other_tokens()
    {
        var model = TinyModels.Create("llama");
        var options = new GenerationOptions { MaxNewTokens = 20, Temperature = 1.5, EosTokenIds = [], Seed = 7 };

        var first = model.Generate(Prompt, options);
        var again = model.Generate(Prompt, options);
        var other = model.Generate(Prompt, options with { Seed = 8 });

        Assert.Equal(first.TokenIds, again.TokenIds);
        Assert.NotEqual(first.TokenIds, other.TokenIds);
        Assert.Equal(7, first.Seed);
    }

    [Fact]
    public void Sampling_with_top_k_1_is_greedy_decoding()
    {
        var model = TinyModels.Create("llama");
        var greedy = model.Generate(Prompt, new GenerationOptions { MaxNewTokens = 10, EosTokenIds = [] });

        var topOne = model.Generate(Prompt, new GenerationOptions { MaxNewTokens = 10, EosTokenIds = [], Temperature = 2, TopK = 1, Seed = 3 });

        Assert.Equal(greedy.TokenIds, topOne.TokenIds);
    }

    [Fact]
    public void Generation_stops_at_any_of_several_end_of_sequence_ids()
    {
        var model = TinyModels.Create("llama");
        var free = model.Generate(Prompt, new GenerationOptions { MaxNewTokens = 6, EosTokenIds = [] });
        int third = free.TokenIds[2];

        var stopped = model.Generate(Prompt, new GenerationOptions { MaxNewTokens = 6, EosTokenIds = [63, third] });

        Assert.Equal(FinishReason.EndOfSequence, stopped.FinishReason);
        Assert.Equal(free.TokenIds.TakeWhile(t => t != third).Append(third), stopped.TokenIds);
        Assert.Equal(FinishReason.MaxNewTokens, free.FinishReason);
    }

    [Fact]
    public void Each_token_is_streamed_to_the_callback_and_to_a_notebook_output_as_it_is_produced()
    {
        var model = TinyModels.Create("gpt2");
        var sink = new RecordingSink();
        var streamed = new List<int>();
        GenerationResult result;
        using (Display.UseFor(sink))
        {
            var output = Display.Show("");
            result = model.Generate(Prompt, new GenerationOptions
            {
                MaxNewTokens = 5, EosTokenIds = [], OnToken = t => streamed.Add(t.TokenId), ShowIn = output,
            });
        }

        Assert.Equal(result.TokenIds, streamed);
        Assert.Equal(5, sink.Updates);
        Assert.Equal(string.Join(" ", result.TokenIds), sink.Outputs.Single());
    }

    [Fact]
    public void Stop_strings_without_a_tokenizer_are_refused()
    {
        var model = TinyModels.Create("gpt2");

        var error = Assert.Throws<InvalidOperationException>(() => model.Generate(Prompt, new GenerationOptions { StopStrings = ["\n"] }));

        Assert.Contains("tokenizer", error.Message);
    }

    [Fact]
    public void A_GPT2_prompt_that_would_run_past_the_learned_positions_is_refused_before_generating()
    {
        var model = TinyModels.Create("gpt2");

        var error = Assert.Throws<ArgumentException>(() => model.Generate(Prompt, new GenerationOptions { MaxNewTokens = 60 }));

        Assert.Contains("64 positions", error.Message);
    }

    [Fact]
    public void Generation_leaves_no_tensors_alive()
    {
        var model = TinyModels.Create("mistral");
        model.Generate(Prompt, new GenerationOptions { MaxNewTokens = 3 });     // warm up lazily created state
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        model.Generate([[1, 2, 3], [4]], new GenerationOptions { MaxNewTokens = 8, Temperature = 1, TopP = 0.9, RepetitionPenalty = 1.2, Seed = 1 });

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
