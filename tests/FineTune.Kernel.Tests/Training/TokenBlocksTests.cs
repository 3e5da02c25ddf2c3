using FineTune.Kernel.Training;

namespace FineTune.Kernel.Tests.Training;

public class TokenBlocksTests
{
    static readonly int[] Stream = [.. Enumerable.Range(100, 41)];    // 41 ids: 10 blocks of 4 (+1 for the last target)

    [Fact]
    public void Documents_are_packed_with_one_end_of_text_token_between_them()
    {
        var tokenizer = TinyPretraining.Tokenizer;

        var stream = TokenBlocks.Pack(["The dog.", "The cat."], tokenizer);

        int eot = tokenizer.EosTokenId!.Value;
        var expected = new[] { eot }.Concat(tokenizer.Encode("The dog.", addSpecialTokens: false)).Append(eot)
            .Concat(tokenizer.Encode("The cat.", addSpecialTokens: false)).Append(eot);
        Assert.Equal(expected, stream);
    }

    [Fact]
    public void Targets_are_the_inputs_shifted_by_one_token()
    {
        var blocks = new TokenBlocks(Stream, blockSize: 4, batchSize: 3, seed: 1);

        var batch = blocks.Next();

        Assert.Equal((3, 4), (batch.Rows, batch.Columns));
        for (int row = 0; row < 3; row++)
        {
            var inputs = batch.Inputs.Skip(row * 4).Take(4).ToArray();
            var targets = batch.Targets.Skip(row * 4).Take(4).ToArray();
            Assert.Equal(0, (inputs[0] - 100) % 4);                          // a block starts on a multiple of the block size
            Assert.Equal(inputs.Select(t => t + 1), targets);
        }
    }

    [Fact]
    public void Every_block_comes_once_per_epoch_and_the_last_partial_block_is_left_out()
    {
        var blocks = new TokenBlocks([.. Stream, 141, 142], blockSize: 4, batchSize: 5, seed: 1);

        var firstEpoch = blocks.Next().Inputs.Concat(blocks.Next().Inputs).Where((_, i) => i % 4 == 0).Order().ToList();

        Assert.Equal(10, blocks.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(b => 100L + 4 * b), firstEpoch);
        Assert.Equal(0, blocks.Epoch);
        blocks.Next();
        Assert.Equal(1, blocks.Epoch);
    }

    [Fact]
    public void The_same_seed_gives_the_same_order_and_another_seed_another()
    {
        long[] Order(int seed)
        {
            var blocks = new TokenBlocks(Stream, 4, 10, seed);
            return [.. blocks.Next().Inputs, .. blocks.Next().Inputs];
        }

        Assert.Equal(Order(7), Order(7));
        Assert.NotEqual(Order(7), Order(8));
    }

    [Fact]
    public void Evaluation_batches_cover_every_block_in_order_with_a_smaller_last_batch()
    {
        var blocks = new TokenBlocks(Stream, blockSize: 4, batchSize: 4, seed: 1);

        var batches = blocks.InOrder().ToList();

        Assert.Equal([4, 4, 2], batches.Select(b => b.Rows));
        Assert.Equal(Stream.Take(40).Select(t => (long)t), batches.SelectMany(b => b.Inputs));
        Assert.Single(blocks.InOrder(maxBatches: 1));
    }

    [Fact]
    public void A_stream_shorter_than_one_block_is_refused_with_its_length()
    {
        var error = Assert.Throws<ArgumentException>(() => new TokenBlocks([1, 2, 3], blockSize: 8, batchSize: 2));

        Assert.Contains("3 tokens", error.Message);
    }
}
