using System.Text.Json;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// What a model folder says about its tokenizer besides the vocabulary: special tokens
/// (tokenizer_config.json, special_tokens_map.json), whether to add BOS/EOS, the chat template
/// (chat_template.jinja, chat_template.json or tokenizer_config.json), and the end-of-sequence ids
/// generation stops at (generation_config.json).
/// </summary>
sealed class TokenizerConfig
{
    public const string ConfigFile = "tokenizer_config.json";
    public const string SpecialTokensMapFile = "special_tokens_map.json";
    public const string GenerationConfigFile = "generation_config.json";
    public const string AddedTokensFile = "added_tokens.json";
    public const string ChatTemplateJinjaFile = "chat_template.jinja";
    public const string ChatTemplateJsonFile = "chat_template.json";

    /// <summary>Whether a file name is one of the config files (not a vocabulary file).</summary>
    public static bool IsConfigFile(string name) =>
        name is ConfigFile or SpecialTokensMapFile or AddedTokensFile or ChatTemplateJinjaFile or ChatTemplateJsonFile or GenerationConfigFile;

    public string? BosToken { get; private set; }
    public string? EosToken { get; private set; }
    public string? PadToken { get; private set; }
    public string? UnkToken { get; private set; }
    public bool? AddBosToken { get; private set; }
    public bool? AddEosToken { get; private set; }
    public bool? AddPrefixSpace { get; private set; }
    public bool? Legacy { get; private set; }
    public bool CleanUpTokenizationSpaces { get; private set; }
    public string? TokenizerClass { get; private set; }
    public string? ChatTemplate { get; private set; }
    /// <summary>Where the template came from, for error messages ("chat_template in .../tokenizer_config.json").</summary>
    public string? ChatTemplateSource { get; private set; }

    /// <summary>From tokenizer_config.json's added_tokens_decoder and added_tokens.json.</summary>
    public List<AddedToken> AddedTokens { get; } = [];

    /// <summary>Tokens named as special (bos/eos/pad/unk and additional_special_tokens) without ids yet.</summary>
    public List<string> SpecialTokenNames { get; } = [];

    public List<int> GenerationEosIds { get; } = [];
    public int? GenerationBosId { get; private set; }
    public int? GenerationPadId { get; private set; }

    /// <summary>The tokenizer_config.json file name finetune writes for a preset, so Load finds the preset again.</summary>
    public string? Preset { get; private set; }

    public static TokenizerConfig Read(string folder)
    {
        var config = new TokenizerConfig();
        if (Found(folder, SpecialTokensMapFile) is { } map) config.ReadSpecialTokens(JsonFields.Open(map));
        if (Found(folder, ConfigFile) is { } file) config.ReadTokenizerConfig(JsonFields.Open(file));
        if (Found(folder, AddedTokensFile) is { } added) config.ReadAddedTokensJson(JsonFields.Open(added));
        if (Found(folder, ChatTemplateJsonFile) is { } json)
        {
            config.ChatTemplate = ReadTemplate(JsonFields.Open(json)["chat_template"]);
            config.ChatTemplateSource = $"chat_template in {json}";
        }
        if (Found(folder, ChatTemplateJinjaFile) is { } jinja)
        {
            config.ChatTemplate = File.ReadAllText(jinja);
            config.ChatTemplateSource = jinja;
        }
        if (Found(folder, GenerationConfigFile) is { } generation) config.ReadGenerationConfig(JsonFields.Open(generation));
        return config;
    }

    /// <summary>Fills in special tokens the files leave unnamed, as transformers' tokenizer classes default them.</summary>
    public void ApplyDefaults(string? bos, string? eos, string? unk, string? pad)
    {
        BosToken ??= bos;
        EosToken ??= eos;
        UnkToken ??= unk;
        PadToken ??= pad;
        foreach (var name in new[] { bos, eos, unk, pad })
            if (name is not null && !SpecialTokenNames.Contains(name)) SpecialTokenNames.Add(name);
    }

    static string? Found(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        return File.Exists(path) ? path : null;
    }

    void ReadSpecialTokens(JsonFields f)
    {
        BosToken = TokenText(f, "bos_token") ?? BosToken;
        EosToken = TokenText(f, "eos_token") ?? EosToken;
        PadToken = TokenText(f, "pad_token") ?? PadToken;
        UnkToken = TokenText(f, "unk_token") ?? UnkToken;
        foreach (var name in new[] { BosToken, EosToken, PadToken, UnkToken })
            if (name is not null) SpecialTokenNames.Add(name);
        if (f.Optional("additional_special_tokens") is { } extra)
            SpecialTokenNames.AddRange(extra.Items().Select(TokenText));
    }

    void ReadTokenizerConfig(JsonFields f)
    {
        ReadSpecialTokens(f);
        if (f.Has("add_bos_token")) AddBosToken = f.Bool("add_bos_token", false);
        if (f.Has("add_eos_token")) AddEosToken = f.Bool("add_eos_token", false);
        if (f.Has("add_prefix_space")) AddPrefixSpace = f.Bool("add_prefix_space", false);
        if (f.Has("legacy")) Legacy = f.Bool("legacy", true);
        CleanUpTokenizationSpaces = f.Bool("clean_up_tokenization_spaces", false);
        TokenizerClass = f.StringOrNull("tokenizer_class");
        Preset = f.StringOrNull("finetune_preset");
        if (f.Optional("chat_template") is { } template)
        {
            ChatTemplate = ReadTemplate(template);
            ChatTemplateSource = $"chat_template in {f.File}";
        }
        if (f.Optional("added_tokens_decoder") is { } decoder)
            foreach (var (id, t) in decoder.Properties())
                AddedTokens.Add(new AddedToken(
                    int.TryParse(id, out int n) ? n : throw t.Error($"'{t.Path}': the key should be a token id"),
                    t.String("content"), t.Bool("special", false), t.Bool("normalized", !t.Bool("special", false)),
                    t.Bool("lstrip", false), t.Bool("rstrip", false), t.Bool("single_word", false)));
    }

    void ReadAddedTokensJson(JsonFields f)
    {
        foreach (var (content, id) in f.Properties())
            if (AddedTokens.All(t => t.Content != content))
                AddedTokens.Add(new AddedToken(id.AsInt(), content, SpecialTokenNames.Contains(content), Normalized: !SpecialTokenNames.Contains(content)));
    }

    void ReadGenerationConfig(JsonFields f)
    {
        if (f.Optional("eos_token_id") is { } eos)
            GenerationEosIds.AddRange(eos.Element.ValueKind == JsonValueKind.Array ? eos.Items().Select(i => i.AsInt()) : [eos.AsInt()]);
        if (f.Has("bos_token_id") && f["bos_token_id"].Element.ValueKind == JsonValueKind.Number) GenerationBosId = f.Int("bos_token_id", 0);
        if (f.Has("pad_token_id") && f["pad_token_id"].Element.ValueKind == JsonValueKind.Number) GenerationPadId = f.Int("pad_token_id", 0);
    }

    /// <summary>A special token is written as a string or as an AddedToken object with "content".</summary>
    static string? TokenText(JsonFields f, string name) => f.Optional(name) is { } value ? TokenText(value) : null;

    static string TokenText(JsonFields value) =>
        value.Element.ValueKind == JsonValueKind.String ? value.AsString() : value.String("content");

    /// <summary>A template is a string, or a list of named templates of which "default" is used.</summary>
    static string ReadTemplate(JsonFields f)
    {
        if (f.Element.ValueKind == JsonValueKind.String) return f.AsString();
        var named = f.Items().ToDictionary(t => t.String("name"), t => t.String("template"));
        return named.TryGetValue("default", out var template) ? template
            : throw f.Unsupported($"named chat templates without a \"default\" are not supported (found: {string.Join(", ", named.Keys)})");
    }
}
