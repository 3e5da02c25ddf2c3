using System.Text.Json;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Text;

/// <summary>
/// Expected ids recorded with Hugging Face transformers by swift-transformers
/// (../shared/fixtures/swift-transformers-tokenizer-baselines).
/// </summary>
static class SwiftBaselines
{
    public static string? Folder => RepoPaths.SharedFixtures("swift-transformers-tokenizer-baselines");

    public const string Missing = "../shared/fixtures/swift-transformers-tokenizer-baselines is not on this machine";

    /// <summary>One multilingual or edge-case input with what transformers produced for it.</summary>
    public sealed record Entry(string Id, string Text, List<int> Ids, List<string>? Tokens, string DecodedWithSpecial, string DecodedSkipSpecial);

    /// <summary>The 83 multilingual inputs with one model's baseline (gpt2, tinyllama, qwen2_5).</summary>
    public static List<Entry> Multilingual(string model)
    {
        using var inputs = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder!, "multilingual", "inputs.json")));
        var texts = inputs.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("text").GetString()!);
        using var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder!, "multilingual", $"{model}_multilingual.json")));
        return baseline.RootElement.GetProperty("entries").EnumerateArray().Select(e => new Entry(
            e.GetProperty("id").GetString()!,
            texts[e.GetProperty("id").GetString()!],
            Ints(e.GetProperty("input_ids")),
            e.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToList(),
            e.GetProperty("decoded_with_special").GetString()!,
            e.GetProperty("decoded_skip_special").GetString()!)).ToList();
    }

    /// <summary>The ~18 edge cases of tokenizer_tests.json for one model key (e.g. "distilgpt2").</summary>
    public static List<Entry> EdgeCases(string model)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder!, "tokenizer_tests.json")));
        return document.RootElement.GetProperty(model).EnumerateArray().Select((e, i) => new Entry(
            $"{model}#{i}",
            e.GetProperty("input").GetString()!,
            Ints(e.GetProperty("encoded").GetProperty("input_ids")),
            null,
            e.GetProperty("decoded_with_special").GetString()!,
            e.GetProperty("decoded_without_special").GetString()!)).ToList();
    }

    /// <summary>The long French paragraph of gpt2_encoded_tokens.json or llama_encoded.json.</summary>
    public static Entry Paragraph(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder!, file)));
        var root = document.RootElement;
        return new Entry(file, root.GetProperty("text").GetString()!, Ints(root.GetProperty("token_ids")),
            root.GetProperty("bpe_tokens").EnumerateArray().Select(t => t.GetString()!).ToList(),
            root.GetProperty("decoded_text").GetString()!, root.GetProperty("decoded_text").GetString()!);
    }

    static List<int> Ints(JsonElement array) => array.EnumerateArray().Select(i => i.GetInt32()).ToList();
}
