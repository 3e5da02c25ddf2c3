using System.Text.Json;
using System.Text.Json.Nodes;

namespace FineTune.Kernel.Tests.Text;

/// <summary>
/// Writes a tiny byte-level BPE tokenizer folder (GPT-2 layout) whose ids can be worked out by hand,
/// so the tokenizer is tested on a fresh clone without ../shared/fixtures.
/// Ids: the 256 byte characters are 0..255 in byte order, then one id per merge, then the special tokens.
/// </summary>
static class TinyTokenizerFolder
{
    /// <summary>Merges by rank: "Ġ t" first, so " the" becomes Ġt + he = Ġthe, while "the" stays t + he.</summary>
    public static readonly string[] Merges = ["Ġ t", "h e", "Ġt he", "Ġ c", "Ġc a", "Ġca t", "c a", "ca t"];

    public const string EndOfText = "<|endoftext|>";
    public const string ImStart = "<|im_start|>";

    public static int Id(string token) => Vocab()[token];

    public static int EndOfTextId => 256 + Merges.Length;
    public static int ImStartId => EndOfTextId + 1;
    public static int DogId => ImStartId + 1;

    /// <summary>GPT-2's bytes_to_unicode, written out independently of the code under test.</summary>
    public static char ByteChar(int b)
    {
        var printable = Enumerable.Range('!', '~' - '!' + 1).Concat(Enumerable.Range(0xA1, 0xAC - 0xA1 + 1)).Concat(Enumerable.Range(0xAE, 0xFF - 0xAE + 1)).ToHashSet();
        if (printable.Contains(b)) return (char)b;
        return (char)(256 + Enumerable.Range(0, b).Count(x => !printable.Contains(x)));
    }

    public static Dictionary<string, int> Vocab()
    {
        var vocab = Enumerable.Range(0, 256).ToDictionary(b => ByteChar(b).ToString(), b => b);
        foreach (var merge in Merges) vocab[merge.Replace(" ", "")] = vocab.Count;
        return vocab;
    }

    /// <summary>tokenizer.json + tokenizer_config.json + generation_config.json.</summary>
    /// <summary>With <paramref name="ignoreMerges"/>, the vocabulary also has "Ġdog" (id <see cref="DogId"/>), which no merge makes.</summary>
    public static void WriteTokenizerJson(string folder, bool addBosToken = false, string? chatTemplate = null, bool ignoreMerges = false)
    {
        var model = new JsonObject
        {
            ["type"] = "BPE", ["dropout"] = null, ["unk_token"] = null, ["continuing_subword_prefix"] = "", ["end_of_word_suffix"] = "",
            ["fuse_unk"] = false, ["byte_fallback"] = false,
            ["vocab"] = new JsonObject(Vocab().Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["merges"] = new JsonArray(Merges.Select(m => (JsonNode?)m).ToArray()),
        };
        if (ignoreMerges)
        {
            model["ignore_merges"] = true;
            model["vocab"]!["Ġdog"] = DogId;
        }
        var byteLevel = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = true, ["use_regex"] = true };
        var json = new JsonObject
        {
            ["version"] = "1.0",
            ["added_tokens"] = new JsonArray(AddedToken(EndOfTextId, EndOfText), AddedToken(ImStartId, ImStart)),
            ["normalizer"] = null,
            ["pre_tokenizer"] = byteLevel.DeepClone(),
            ["post_processor"] = byteLevel.DeepClone(),
            ["decoder"] = byteLevel.DeepClone(),
            ["model"] = model,
        };
        File.WriteAllText(Path.Combine(folder, "tokenizer.json"), json.ToJsonString());
        WriteConfigs(folder, addBosToken, chatTemplate);
    }

    /// <summary>vocab.json + merges.txt (with the "#version" header transformers writes) + the same configs.</summary>
    public static void WriteVocabAndMerges(string folder, bool addBosToken = false)
    {
        File.WriteAllText(Path.Combine(folder, "vocab.json"), JsonSerializer.Serialize(Vocab()));
        File.WriteAllLines(Path.Combine(folder, "merges.txt"), ["#version: 0.2", .. Merges]);
        WriteConfigs(folder, addBosToken, chatTemplate: null);
    }

    static void WriteConfigs(string folder, bool addBosToken, string? chatTemplate)
    {
        var config = new JsonObject
        {
            ["tokenizer_class"] = "GPT2Tokenizer",
            ["bos_token"] = EndOfText,
            ["eos_token"] = EndOfText,
            ["add_bos_token"] = addBosToken,
            ["added_tokens_decoder"] = new JsonObject
            {
                [EndOfTextId.ToString()] = new JsonObject { ["content"] = EndOfText, ["special"] = true },
                [ImStartId.ToString()] = new JsonObject { ["content"] = ImStart, ["special"] = true },
            },
        };
        if (chatTemplate is not null) config["chat_template"] = chatTemplate;
        File.WriteAllText(Path.Combine(folder, "tokenizer_config.json"), config.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "generation_config.json"), $"{{\"eos_token_id\": [{EndOfTextId}, {ImStartId}]}}");
    }

    static JsonObject AddedToken(int id, string content) => new()
    {
        ["id"] = id, ["content"] = content, ["single_word"] = false, ["lstrip"] = false, ["rstrip"] = false,
        ["normalized"] = false, ["special"] = true,
    };
}
