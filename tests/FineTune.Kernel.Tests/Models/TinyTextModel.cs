using FineTune.Kernel.Models;
using FineTune.Kernel.Tests.Text;

namespace FineTune.Kernel.Tests.Models;

/// <summary>
/// A model folder the kit writes itself: a tiny random Llama-style model whose vocabulary is the
/// tiny byte-level BPE tokenizer's (256 bytes, 8 merges, 2 special tokens), saved with that tokenizer.
/// </summary>
static class TinyTextModel
{
    public static readonly int VocabSize = TinyTokenizerFolder.ImStartId + 1;

    public static CausalLM Write(string folder, string family = "llama", int seed = 3)
    {
        var config = TinyModels.Config(family) with { VocabSize = VocabSize, InitializerRange = 0.5, MaxPositions = 256 };
        CausalLM.Create(config, seed).Save(folder);
        TinyTokenizerFolder.WriteTokenizerJson(folder);
        return CausalLM.Load(folder);
    }
}
