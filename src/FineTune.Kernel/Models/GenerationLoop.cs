using static TorchSharp.torch;

namespace FineTune.Kernel.Models;

/// <summary>
/// Autoregressive decoding for a batch of prompts. Prompts are left-padded to one length; padding
/// is masked out of attention and position ids count real tokens only (as transformers does), so
/// each sequence gets the tokens it would get alone. With the KV cache each step feeds only the
/// newest token; without it the whole sequence is recomputed (same tokens, for checking and benchmarks).
/// </summary>
sealed class GenerationLoop(CausalLM model, GenerationOptions options, Func<IReadOnlyList<int>, string>? decode)
{
    const long PadId = 0; // any valid id: padded positions are masked out

    public IReadOnlyList<GenerationResult> Run(IReadOnlyList<IReadOnlyList<int>> prompts, IReadOnlyList<string?>? promptTexts = null)
    {
        options.Validate();
        if (prompts.Count == 0) return [];
        if (options.StopStrings.Count > 0 && decode is null)
            throw new InvalidOperationException("stop strings need a tokenizer to turn tokens into text; this model has none");
        for (int i = 0; i < prompts.Count; i++)
            if (prompts[i].Count == 0) throw new ArgumentException($"prompt {i} has no tokens; start it with at least one (e.g. the BOS token)", nameof(prompts));
        int longest = prompts.Max(p => p.Count);
        if (model.Config.IsGpt2 && longest + options.MaxNewTokens > model.Config.MaxPositions)
            throw new ArgumentException($"a prompt of {longest} tokens plus {options.MaxNewTokens} new tokens exceeds this GPT-2 model's {model.Config.MaxPositions} positions (n_positions)");

        int seed = options.Seed ?? Random.Shared.Next();
        var sampler = new TokenSampler(options, seed);
        var eos = (options.EosTokenIds ?? model.EosTokenIds).ToHashSet();
        var rows = prompts.Select((p, i) => new Row(p, decode is null ? null : new GeneratedText(decode, options.StopStrings))).ToArray();

        using var noGrad = no_grad();
        using var cache = options.UseCache ? new KvCache(model.Config.NumLayers) : null;
        var tokens = LeftPadded(prompts, longest, out var padding);               // (B, L) ids and bool mask, kept across steps
        bool anyPadding = prompts.Any(p => p.Count < longest);
        try
        {
            for (int step = 0; step < options.MaxNewTokens && rows.Any(r => r.Finish is null); step++)
            {
                using var scope = NewDisposeScope();
                var positions = padding.to(ScalarType.Int64).cumsum(-1) - 1;          // (B, T) real tokens counted from 0
                positions = positions.masked_fill(padding.logical_not(), 1);
                var input = tokens;
                if (cache is not null && step > 0)
                {
                    input = tokens.narrow(1, tokens.shape[1] - 1, 1);                // (B, 1) the newest token
                    positions = positions.narrow(1, positions.shape[1] - 1, 1);
                }
                var logits = model.Forward(input, positions, anyPadding ? padding : null, cache, lastPositionOnly: true)
                    .squeeze(1).to(ScalarType.Float32, CPU);                          // (B, V)
                var next = new long[rows.Length];
                for (int b = 0; b < rows.Length; b++)
                    next[b] = rows[b].Finish is null
                        ? Advance(b, rows[b], sampler.Next(logits[b], rows[b].History), eos, lastStep: step == options.MaxNewTokens - 1)
                        : PadId;
                tokens = Append(tokens, tensor(next).view(-1, 1));
                padding = Append(padding, ones(rows.Length, 1, ScalarType.Bool));
                Show(rows, promptTexts);
            }
        }
        finally
        {
            tokens.Dispose();
            padding.Dispose();
        }
        return rows.Select((r, i) => new GenerationResult
        {
            Prompt = promptTexts?[i],
            PromptTokenIds = prompts[i],
            TokenIds = r.Generated,
            Text = r.Text?.Text,
            FinishReason = r.Finish ?? FinishReason.MaxNewTokens,
            Seed = sampler.IsSampling ? seed : null,
        }).ToList();
    }

    int Advance(int sequence, Row row, int token, HashSet<int> eos, bool lastStep)
    {
        row.Generated.Add(token);
        row.History.Add(token);
        string added = row.Text?.Update(row.Generated.Where(t => !eos.Contains(t)).ToList()) ?? "";
        if (eos.Contains(token)) row.Finish = FinishReason.EndOfSequence;
        else if (row.Text?.Stopped == true) row.Finish = FinishReason.StopString;
        if (row.Finish is not null || lastStep) added += row.Text?.Flush() ?? "";
        options.OnToken?.Invoke(new StreamedToken(sequence, token, added));
        return token;
    }

    void Show(Row[] rows, IReadOnlyList<string?>? promptTexts)
    {
        if (options.ShowIn is not { } handle) return;
        handle.Update(string.Join("\n\n", rows.Select((r, i) =>
            r.Text is null ? string.Join(" ", r.Generated) : (promptTexts?[i] ?? "") + r.Text.Text)));
    }

    static Tensor LeftPadded(IReadOnlyList<IReadOnlyList<int>> prompts, int length, out Tensor padding)
    {
        var ids = new long[prompts.Count * length];
        var real = new bool[prompts.Count * length];
        for (int b = 0; b < prompts.Count; b++)
        {
            int offset = b * length + length - prompts[b].Count;
            for (int t = 0; t < prompts[b].Count; t++)
            {
                ids[offset + t] = prompts[b][t];
                real[offset + t] = true;
            }
        }
        padding = tensor(real, [prompts.Count, length]).DetachFromDisposeScope();   // (B, L) true = real token
        return tensor(ids, [prompts.Count, length]).DetachFromDisposeScope();       // (B, L)
    }

    /// <summary>Concatenates along time and keeps the result outside the step's dispose scope.</summary>
    static Tensor Append(Tensor sequence, Tensor column)
    {
        var longer = cat([sequence, column], 1).DetachFromDisposeScope();
        sequence.Dispose();
        return longer;
    }

    sealed class Row(IReadOnlyList<int> prompt, GeneratedText? text)
    {
        public List<int> History { get; } = [.. prompt];
        public List<int> Generated { get; } = [];
        public GeneratedText? Text { get; } = text;
        public FinishReason? Finish { get; set; }
    }
}
