using FineTune.Kernel.Models;
using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;
using FineTune.Kernel.Training;

namespace FineTune.Kernel.Tests.Training;

/// <summary>
/// A small pretraining setup made on the spot: a 400-id tokenizer trained on generated stories, train
/// and held-out blocks of other stories, and a tiny Llama-style model (about 60k parameters).
/// </summary>
static class TinyPretraining
{
    static readonly Lazy<TextTokenizer> Trained = new(() =>
    {
        using var folder = new TempFolder();        // the loaded tokenizer keeps nothing open, so the files can go
        BpeTrainer.Train(GeneratedStories.Text(1500), new BpeTrainerOptions { VocabSize = 400 }).Save(folder.Path);
        return TextTokenizer.Load(folder.Path);
    });

    public static TextTokenizer Tokenizer => Trained.Value;

    public const int BlockSize = 32;

    public static TokenBlocks TrainBlocks(int seed = 1, int batchSize = 8) =>
        TokenBlocks.FromDocuments(GeneratedStories.Documents(400, seed: 11), Tokenizer, BlockSize, batchSize, seed);

    public static TokenBlocks ValidBlocks() =>
        TokenBlocks.FromDocuments(GeneratedStories.Documents(60, seed: 12), Tokenizer, BlockSize, batchSize: 8);

    public static ModelConfig Config => new()
    {
        ModelType = "llama", VocabSize = Tokenizer.VocabSize, HiddenSize = 48, NumLayers = 2, NumHeads = 4, NumKeyValueHeads = 2,
        IntermediateSize = 128, MaxPositions = BlockSize, TieWordEmbeddings = true,
    };

    public static CausalLM Model(int seed = 1)
    {
        var model = CausalLM.Create(Config, seed);
        model.Tokenizer = Tokenizer;
        return model;
    }
}
