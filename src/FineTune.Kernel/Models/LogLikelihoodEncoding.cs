using FineTune.Kernel.Text;

namespace FineTune.Kernel.Models;

/// <summary>
/// lm-evaluation-harness's <c>_encode_pair</c>: trailing whitespace of the context moves to the
/// continuation; the context is encoded alone, and the continuation's tokens are those of
/// context + continuation encoded together after the first len(context tokens) (no special tokens). An empty context becomes the prefix token
/// (BOS, else EOS), with the continuation encoded alone.
/// </summary>
sealed record LogLikelihoodEncoding(string ContextText, string ContinuationText, IReadOnlyList<int> Context, IReadOnlyList<int> Continuation)
{
    public static LogLikelihoodEncoding Encode(TextTokenizer tokenizer, string context, string continuation, int index)
    {
        if (context.Length == 0)
        {
            int prefix = tokenizer.BosTokenId ?? tokenizer.EosTokenId
                ?? throw new ArgumentException($"pair {index}: an empty context needs a BOS or EOS token, and the tokenizer has neither");
            return Checked(new(context, continuation, [prefix], Ids(tokenizer, continuation)), index);
        }
        string trimmed = context.TrimEnd();
        continuation = context[trimmed.Length..] + continuation;
        context = trimmed;
        var whole = Ids(tokenizer, context + continuation);
        var contextIds = Ids(tokenizer, context);
        return Checked(new(context, continuation, contextIds, whole.Skip(contextIds.Count).ToList()), index);
    }

    static IReadOnlyList<int> Ids(TextTokenizer tokenizer, string text) => tokenizer.Encode(text, addSpecialTokens: false).ToList();

    static LogLikelihoodEncoding Checked(LogLikelihoodEncoding e, int index)
    {
        if (e.Context.Count == 0)
            throw new ArgumentException($"pair {index}: the context '{e.ContextText}' has no tokens once its trailing whitespace moves to the continuation");
        if (e.Continuation.Count == 0)
            throw new ArgumentException($"pair {index}: the continuation '{e.ContinuationText}' has no tokens of its own: encoded together with the context, " +
                "its text merges into the context's last token (as ': C' can). lm-evaluation-harness refuses such pairs too; end the context earlier or change the split.");
        return e;
    }
}
