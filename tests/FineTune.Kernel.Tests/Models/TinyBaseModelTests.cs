using System.Globalization;
using System.Text.RegularExpressions;
using FineTune.Kernel.Data;
using FineTune.Kernel.Evaluation;
using FineTune.Kernel.Models;
using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Training;

namespace FineTune.Kernel.Tests.Models;

/// <summary>
/// The shipped model, data-samples/models/tiny-base: it fits the size limit, loads with the kit's loader,
/// writes corpus-style text, and its model card's figures (held-out perplexity, zero-shot scores) are
/// what the kit measures now.
/// </summary>
public sealed class TinyBaseModelTests : IDisposable
{
    static readonly string Folder = Path.Combine(RepoPaths.Root, "data-samples", "models", "tiny-base");
    static readonly string Card = File.ReadAllText(Path.Combine(Folder, "MODEL_CARD.md"));
    readonly CausalLM model = CausalLM.Load(Folder);

    public void Dispose() => model.Dispose();

    static double CardNumber(string pattern) =>
        double.Parse(Regex.Match(Card, pattern).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public void The_folder_is_at_most_10_MB_and_a_llama_model_with_its_tokenizer()
    {
        long bytes = Directory.GetFiles(Folder).Sum(f => new FileInfo(f).Length);

        Assert.InRange(bytes, 1, 10_000_000);
        Assert.Equal("llama", model.Config.ModelType);
        Assert.NotNull(model.Tokenizer);
        Assert.Equal(3_688_704, model.ParameterCount);
    }

    [Fact]
    public void It_continues_a_story_prompt_in_the_style_of_its_corpus()
    {
        var result = model.Generate("Once upon a time", maxNewTokens: 60);

        Assert.StartsWith(", there was a happy girl named Lucy.", result.Text);
        Assert.Contains("Once upon a time" + result.Text![..40], Card.Replace("\n> ", " "));
    }

    [Fact]
    public void The_model_cards_held_out_perplexity_is_reproduced()
    {
        var documents = CorpusDocuments.Read(Path.Combine(RepoPaths.Root, "data-samples", "pretrain", "corpus.valid.txt"));

        var result = model.PerplexityOfDocuments(documents);

        Assert.Equal(CardNumber(@"held-out perplexity \| \*\*([0-9.]+)\*\*"), result.Perplexity, 3);
        Assert.Equal(CardNumber(@"gives perplexity \*\*([0-9.]+)\*\*"), result.Perplexity, 3);
    }

    [Fact]
    public void The_model_cards_zero_shot_scores_are_reproduced()
    {
        var instructions = ExactMatch.Evaluate(model, Dataset.Load(Path.Combine(RepoPaths.Root, "data-samples", "instructions.test.jsonl")));
        var topics = MultipleChoice.Evaluate(model, Dataset.Load(Path.Combine(RepoPaths.Root, "data-samples", "classification.test.jsonl")));

        Assert.Equal(CardNumber(@"the Alpaca prompt \(default\) \| \*\*[0-9.]+%\*\* \((\d+) of 100"), instructions.Correct);
        Assert.Equal(CardNumber(@"`\{text\}\\nLabel:` \(default\) \| \*\*[0-9.]+%\*\* \((\d+) of 100"), topics.Correct);
        Assert.True(instructions.Score <= 0.3 && topics.Score <= 0.4, "zero-shot must leave room for prompting and fine-tuning");
    }
}
