using FineTune.Kernel.Text;

namespace FineTune.Kernel.Training;

/// <summary>
/// A tokenised corpus cut into blocks for pretraining, as nanoGPT feeds its model: the documents are
/// packed into one stream of ids (each begun with BOS and ended with EOS, as the tokenizer defines them),
/// and the stream is cut into blocks of <see cref="BlockSize"/> + 1 ids that overlap by one: a block's
/// first BlockSize ids are the inputs, its last BlockSize ids the targets. A stream's last partial block
/// is left out.
/// <code>
/// var train = TokenBlocks.FromDocuments(CorpusDocuments.Read("corpus.train.txt"), tokenizer, blockSize: 256, batchSize: 16, seed: 1);
/// var batch = train.Next();          // 16 blocks in a seeded random order, a new order every epoch
/// </code>
/// </summary>
public sealed class TokenBlocks
{
    readonly int[] tokens;
    readonly Random random;
    readonly int[] order;
    int position;

    /// <summary>Blocks of <paramref name="blockSize"/> from a token stream, served <paramref name="batchSize"/> at a time.</summary>
    public TokenBlocks(IReadOnlyList<int> tokens, int blockSize, int batchSize, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (tokens.Count < blockSize + 1)
            throw new ArgumentException($"the corpus has {tokens.Count} tokens, fewer than one block needs ({blockSize} + 1); use a smaller block size or more text", nameof(tokens));
        this.tokens = [.. tokens];
        BlockSize = blockSize;
        BatchSize = batchSize;
        random = new Random(seed);
        order = Enumerable.Range(0, (tokens.Count - 1) / blockSize).ToArray();
        random.Shuffle(order);
    }

    /// <summary>Packs <paramref name="documents"/> (see <see cref="Pack"/>) and cuts the stream into blocks.</summary>
    public static TokenBlocks FromDocuments(IEnumerable<string> documents, TextTokenizer tokenizer, int blockSize, int batchSize, int seed = 0) =>
        new(Pack(documents, tokenizer), blockSize, batchSize, seed);

    /// <summary>
    /// One stream of ids from documents: each document is encoded with the tokenizer's special tokens
    /// (BOS in front, if it adds one) and followed by EOS. When a document begins with the special token
    /// the previous one ended with (BOS and EOS are the same token, as &lt;|endoftext|&gt; is), that token is
    /// written once, so documents are separated by exactly one of it.
    /// </summary>
    public static IReadOnlyList<int> Pack(IEnumerable<string> documents, TextTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(tokenizer);
        var stream = new List<int>();
        foreach (string document in documents)
        {
            var ids = tokenizer.Encode(document);
            int skip = stream.Count > 0 && ids.Count > 0 && ids[0] == stream[^1] && tokenizer.IsSpecialToken(ids[0]) ? 1 : 0;
            for (int i = skip; i < ids.Count; i++) stream.Add(ids[i]);
            if (tokenizer.EosTokenId is int eos && (stream.Count == 0 || stream[^1] != eos)) stream.Add(eos);
        }
        return stream;
    }

    /// <summary>Tokens of context per block (the T of (B, T)).</summary>
    public int BlockSize { get; }

    /// <summary>Blocks per batch (the B of (B, T)).</summary>
    public int BatchSize { get; }

    /// <summary>How many whole blocks the stream holds.</summary>
    public int Count => order.Length;

    /// <summary>How many ids the packed stream holds.</summary>
    public int TokenCount => tokens.Length;

    /// <summary>How many times <see cref="Next"/> has gone through every block (0 during the first pass).</summary>
    public int Epoch { get; private set; }

    /// <summary>
    /// The next <see cref="BatchSize"/> blocks in a random order fixed by the seed. Every block comes once
    /// per epoch; then the order is shuffled again (a batch may span two epochs).
    /// </summary>
    public TokenBatch Next()
    {
        var blocks = new int[BatchSize];
        for (int row = 0; row < BatchSize; row++)
        {
            if (position == order.Length)
            {
                random.Shuffle(order);
                position = 0;
                Epoch++;
            }
            blocks[row] = order[position++];
        }
        return Batch(blocks);
    }

    /// <summary>Every block once, in stream order, <see cref="BatchSize"/> at a time (the last batch may be smaller): for evaluation.</summary>
    public IEnumerable<TokenBatch> InOrder(int? maxBatches = null)
    {
        int batches = 0;
        for (int first = 0; first < order.Length && (maxBatches is null || batches < maxBatches); first += BatchSize, batches++)
            yield return Batch([.. Enumerable.Range(first, Math.Min(BatchSize, order.Length - first))]);
    }

    TokenBatch Batch(int[] blocks)
    {
        var inputs = new long[blocks.Length * BlockSize];
        var targets = new long[blocks.Length * BlockSize];
        for (int row = 0; row < blocks.Length; row++)
        {
            int start = blocks[row] * BlockSize;
            for (int t = 0; t < BlockSize; t++)
            {
                inputs[row * BlockSize + t] = tokens[start + t];
                targets[row * BlockSize + t] = tokens[start + t + 1];
            }
        }
        return new TokenBatch(inputs, targets, blocks.Length, BlockSize);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Count} blocks of {BlockSize} tokens ({TokenCount} tokens), batches of {BatchSize}";
}
