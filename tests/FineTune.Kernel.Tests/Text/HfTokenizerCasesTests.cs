using System.Text.Json;
using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Tests.Text;

/// <summary>
/// The 18 small tokenizers of neural-api-parity, with encode cases recorded from Hugging Face's
/// tokenizers library and Google's sentencepiece: our ids and decoded text must equal theirs.
/// </summary>
public class HfTokenizerCasesTests
{
    public static TheoryData<string> Groups => new(
        "byte_level", "metaspace", "wordpiece", "split_qwen2", "split_cl100k", "metaspace_pretok", "unigram",
        "split_deepseek", "bytelevel_noregex", "split_o200k", "digits_bytelevel", "falcon_seq",
        "split_o200k_harmony", "split_qwen35", "split_qwen35_ascii",
        "spm_model", "spm_bytefallback", "spm_bpe_model");

    static string? Folder => RepoPaths.SharedFixtures("neural-api-parity/tokenizers");

    [SkippableTheory]
    [MemberData(nameof(Groups))]
    public void Ids_and_decoded_text_equal_the_recorded_cases(string group)
    {
        Skip.If(Folder is null, "../shared/fixtures/neural-api-parity/tokenizers is not on this machine");
        var (tokenizer, cases) = Load(group);

        foreach (var c in cases)
        {
            string text = c.GetProperty("text").GetString()!;
            var expected = c.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToList();
            var ids = tokenizer.Encode(text);
            Assert.True(expected.SequenceEqual(ids), $"{group} '{text}': expected [{string.Join(",", expected)}], got [{string.Join(",", ids)}]");
            // tokenizers' decode skips special tokens by default; sentencepiece's has no such notion (it shows <unk> as " ⁇ ").
            bool sentencePiece = group.StartsWith("spm_");
            Assert.Equal(c.GetProperty("decoded").GetString(), tokenizer.Decode(expected, skipSpecialTokens: !sentencePiece));
        }
    }

    static (TextTokenizer Tokenizer, List<JsonElement> Cases) Load(string group)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder!, "hf_tokenizer_cases.json")));
        var entry = document.RootElement.GetProperty(group);
        var tokenizer = TextTokenizer.Load(Path.Combine(Folder!, entry.GetProperty("tokenizer").GetString()!));
        return (tokenizer, entry.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToList());
    }
}
