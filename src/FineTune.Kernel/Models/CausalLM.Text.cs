using FineTune.Kernel.Notebook;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Models;

// Text in, text out: the tokenizer-facing side of generation, scoring and perplexity.
public sealed partial class CausalLM
{
    static readonly string[] TokenizerFiles = ["tokenizer.json", "tokenizer.model", "vocab.json", "tokenizer_config.json"];

    /// <summary>The model's tokenizer (loaded with the model folder when it has tokenizer files); text methods need one.</summary>
    public TextTokenizer? Tokenizer { get; set; }

    static TextTokenizer? LoadTokenizer(string folder) =>
        TokenizerFiles.Any(f => File.Exists(Path.Combine(folder, f))) ? TextTokenizer.Load(folder) : null;

    TextTokenizer RequireTokenizer() => Tokenizer
        ?? throw new InvalidOperationException("this model has no tokenizer (its folder had no tokenizer.json, tokenizer.model or vocab.json); set model.Tokenizer = TextTokenizer.Load(...) or pass token ids");

    /// <summary>
    /// Continues <paramref name="prompt"/>: greedy unless <paramref name="temperature"/> is above 0.
    /// <paramref name="show"/> shows the text in the notebook as it is produced.
    /// </summary>
    public GenerationResult Generate(string prompt, int maxNewTokens = 50, double temperature = 0, int topK = 0, double topP = 1,
        double repetitionPenalty = 1, IReadOnlyList<string>? stop = null, int? seed = null, bool show = false) =>
        Generate(prompt, new GenerationOptions
        {
            MaxNewTokens = maxNewTokens, Temperature = temperature, TopK = topK, TopP = topP,
            RepetitionPenalty = repetitionPenalty, StopStrings = stop ?? [], Seed = seed,
            ShowIn = show ? Display.Show(prompt) : null,
        });

    /// <summary>Continues <paramref name="prompt"/> with the given options.</summary>
    public GenerationResult Generate(string prompt, GenerationOptions options) => Generate([prompt], options)[0];

    /// <summary>Continues each prompt, as one left-padded batch.</summary>
    public IReadOnlyList<GenerationResult> Generate(IReadOnlyList<string> prompts, GenerationOptions? options = null)
    {
        var tokenizer = RequireTokenizer();
        var ids = prompts.Select(p => (IReadOnlyList<int>)tokenizer.Encode(p).ToList()).ToList();
        return new GenerationLoop(this, options ?? new GenerationOptions(), Decoder()).Run(ids, prompts.ToList());
    }

    Func<IReadOnlyList<int>, string>? Decoder() =>
        Tokenizer is { } tokenizer ? ids => tokenizer.Decode(ids, skipSpecialTokens: true) : null;

    /// <summary>
    /// The log-likelihood of <paramref name="continuation"/> after <paramref name="context"/>, tokenised as
    /// lm-evaluation-harness does (see the README, "Scoring").
    /// </summary>
    public ContinuationScore Score(string context, string continuation) => Score([(context, continuation)], 1)[0];

    /// <summary>Scores many (context, continuation) pairs of text, <paramref name="batchSize"/> per forward pass.</summary>
    public IReadOnlyList<ContinuationScore> Score(IReadOnlyList<(string Context, string Continuation)> pairs, int batchSize = 8)
    {
        var encoded = pairs.Select((p, i) => LogLikelihoodEncoding.Encode(RequireTokenizer(), p.Context, p.Continuation, i)).ToList();
        var scores = new ContinuationScorer(this).Score(encoded.Select(e => (e.Context, e.Continuation)).ToList(), batchSize);
        return scores.Select((s, i) => s with { Context = encoded[i].ContextText, Continuation = encoded[i].ContinuationText }).ToList();
    }

    /// <summary>Perplexity of <paramref name="text"/> (tokenised with the tokenizer's special tokens, as the HF guide does).</summary>
    public PerplexityResult Perplexity(string text, int? maxLength = null, int? stride = null) =>
        Perplexity(RequireTokenizer().Encode(text).ToList(), maxLength, stride);

    /// <summary>
    /// Perplexity of documents packed as pretraining packs them (<see cref="Training.TokenBlocks.Pack"/>: each
    /// encoded with its special tokens, one end-of-text token between them), for a model trained that way.
    /// </summary>
    public PerplexityResult PerplexityOfDocuments(IEnumerable<string> documents, int? maxLength = null, int? stride = null) =>
        Perplexity(Training.TokenBlocks.Pack(documents, RequireTokenizer()), maxLength, stride);

    /// <summary>Perplexity of a dataset of texts, joined with blank lines as the HF guide joins WikiText.</summary>
    public PerplexityResult Perplexity(IEnumerable<string> texts, int? maxLength = null, int? stride = null) =>
        Perplexity(string.Join("\n\n", texts), maxLength, stride);
}
