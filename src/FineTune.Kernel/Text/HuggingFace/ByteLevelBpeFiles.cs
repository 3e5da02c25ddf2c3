using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Kernel.IO;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// Writes a byte-level BPE vocabulary as the files of a Hugging Face tokenizer folder: the "slow"
/// pair vocab.json + merges.txt (as GPT2Tokenizer reads them), tokenizer.json (GPT-2's pre-tokenizer
/// and decoder, with Llama 3's post-processor: ByteLevel, then the first special token in front as BOS),
/// tokenizer_config.json and special_tokens_map.json.
/// </summary>
static class ByteLevelBpeFiles
{
    static readonly JsonSerializerOptions Style = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string folder, IReadOnlyList<string> tokens, IReadOnlyList<(string Left, string Right)> merges,
        IReadOnlyList<string> specialTokens, int? modelMaxLength)
    {
        Directory.CreateDirectory(folder);
        string bos = specialTokens[0];
        var vocab = new JsonObject();
        for (int id = 0; id < tokens.Count; id++) vocab[tokens[id]] = id;
        var mergeLines = merges.Select(m => $"{m.Left} {m.Right}").ToList();

        WriteJson(folder, VocabMergesReader.VocabFile, vocab.DeepClone());
        var text = new StringBuilder("#version: 0.2\n");
        foreach (string line in mergeLines) text.Append(line).Append('\n');
        AtomicFile.WriteAllText(Path.Combine(folder, VocabMergesReader.MergesFile), text.ToString());

        WriteJson(folder, TokenizerFolder.TokenizerJsonFile, new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = new JsonArray([.. specialTokens.Select((t, id) => AddedToken(t, id, withId: true))]),
            ["normalizer"] = null,
            ["pre_tokenizer"] = ByteLevel(addPrefixSpace: false, trimOffsets: true),
            ["post_processor"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["processors"] = new JsonArray(ByteLevel(addPrefixSpace: true, trimOffsets: false), BosTemplate(bos)),
            },
            ["decoder"] = ByteLevel(addPrefixSpace: true, trimOffsets: true),
            ["model"] = new JsonObject
            {
                ["type"] = "BPE", ["dropout"] = null, ["unk_token"] = null, ["continuing_subword_prefix"] = "", ["end_of_word_suffix"] = "",
                ["fuse_unk"] = false, ["byte_fallback"] = false, ["ignore_merges"] = false,
                ["vocab"] = vocab,
                ["merges"] = new JsonArray([.. mergeLines.Select(m => (JsonNode?)m)]),
            },
        });

        var config = new JsonObject
        {
            ["add_bos_token"] = true,
            ["add_eos_token"] = false,
            ["add_prefix_space"] = false,
            ["added_tokens_decoder"] = new JsonObject(specialTokens.Select((t, id) => KeyValuePair.Create(id.ToString(), (JsonNode?)AddedToken(t, id, withId: false)))),
            ["bos_token"] = bos,
            ["eos_token"] = bos,
            ["pad_token"] = bos,
            ["clean_up_tokenization_spaces"] = false,
            ["tokenizer_class"] = "GPT2Tokenizer",
        };
        if (modelMaxLength is int max) config["model_max_length"] = max;
        var map = new JsonObject { ["bos_token"] = bos, ["eos_token"] = bos, ["pad_token"] = bos };
        if (specialTokens.Count > 1)
        {
            config["additional_special_tokens"] = new JsonArray([.. specialTokens.Skip(1).Select(t => (JsonNode?)t)]);
            map["additional_special_tokens"] = config["additional_special_tokens"]!.DeepClone();
        }
        WriteJson(folder, TokenizerConfig.ConfigFile, config);
        WriteJson(folder, TokenizerConfig.SpecialTokensMapFile, map);
    }

    static void WriteJson(string folder, string name, JsonNode json) =>
        AtomicFile.WriteAllText(Path.Combine(folder, name), json.ToJsonString(Style) + "\n");

    static JsonObject AddedToken(string content, int id, bool withId)
    {
        var token = new JsonObject();
        if (withId) token["id"] = id;
        token["content"] = content;
        token["single_word"] = false;
        token["lstrip"] = false;
        token["rstrip"] = false;
        token["normalized"] = false;
        token["special"] = true;
        return token;
    }

    static JsonObject ByteLevel(bool addPrefixSpace, bool trimOffsets) => new()
    {
        ["type"] = "ByteLevel", ["add_prefix_space"] = addPrefixSpace, ["trim_offsets"] = trimOffsets, ["use_regex"] = true,
    };

    /// <summary>TemplateProcessing that puts <paramref name="bos"/> (id 0) before each sequence, as Llama 3's tokenizer.json does.</summary>
    static JsonObject BosTemplate(string bos)
    {
        JsonObject Special(int typeId) => new() { ["SpecialToken"] = new JsonObject { ["id"] = bos, ["type_id"] = typeId } };
        JsonObject Sequence(string id, int typeId) => new() { ["Sequence"] = new JsonObject { ["id"] = id, ["type_id"] = typeId } };
        return new JsonObject
        {
            ["type"] = "TemplateProcessing",
            ["single"] = new JsonArray(Special(0), Sequence("A", 0)),
            ["pair"] = new JsonArray(Special(0), Sequence("A", 0), Special(1), Sequence("B", 1)),
            ["special_tokens"] = new JsonObject
            {
                [bos] = new JsonObject { ["id"] = bos, ["ids"] = new JsonArray(0), ["tokens"] = new JsonArray(bos) },
            },
        };
    }
}
