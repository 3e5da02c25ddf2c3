using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Kernel.IO;
using FineTune.Kernel.Text.HuggingFace;

namespace FineTune.Kernel.Text;

/// <summary>
/// A model's tokenizer, loaded from a Hugging Face model folder (tokenizer.json, vocab.json + merges.txt,
/// or a SentencePiece tokenizer.model, with tokenizer_config.json and friends) or by preset name
/// ("o200k", "cl100k"), giving the same ids Hugging Face transformers gives.
/// <code>
/// var tokenizer = TextTokenizer.Load("models/gpt2");
/// var ids = tokenizer.Encode("Hello world");      // [15496, 995]
/// tokenizer.Tokenize("Hello world")                // renders the tokens, coloured
/// </code>
/// </summary>
public sealed class TextTokenizer
{
    readonly TokenizerPipeline pipeline;
    readonly TokenizerConfig config;
    readonly string? folder;
    readonly string? file;
    readonly Lazy<ChatTemplate?> chatTemplate;
    readonly bool chatTemplateReplaced;

    TextTokenizer(TokenizerFolder.Loaded loaded, string source, string? folder, string? file = null)
    {
        this.file = file;
        pipeline = loaded.Pipeline;
        config = loaded.Config;
        var settings = loaded.Config;
        chatTemplate = new(() => settings.ChatTemplate is { } text ? ChatTemplate.Parse(text, settings.ChatTemplateSource ?? "chat_template") : null);
        Kind = loaded.Kind;
        Source = source;
        this.folder = folder;
        BosTokenId = IdOf(config.BosToken) ?? config.GenerationBosId;
        EosTokenId = IdOf(config.EosToken) ?? config.GenerationEosIds.Cast<int?>().FirstOrDefault();
        PadTokenId = IdOf(config.PadToken) ?? config.GenerationPadId;
        UnkTokenId = IdOf(config.UnkToken);
        EosTokenIds = [.. config.GenerationEosIds.Concat(EosTokenId is int eos ? [eos] : []).Distinct()];
    }

    /// <summary>The same tokenizer with another chat template (what <see cref="Save"/> then writes as chat_template.jinja).</summary>
    TextTokenizer(TextTokenizer other, ChatTemplate template)
    {
        pipeline = other.pipeline;
        config = other.config;
        folder = other.folder;
        file = other.file;
        Kind = other.Kind;
        Source = other.Source;
        (BosTokenId, EosTokenId, PadTokenId, UnkTokenId, EosTokenIds) = (other.BosTokenId, other.EosTokenId, other.PadTokenId, other.UnkTokenId, other.EosTokenIds);
        chatTemplate = new(template);
        chatTemplateReplaced = true;
    }

    /// <summary>
    /// Loads the tokenizer of a Hugging Face model folder, or a preset by name (see <see cref="PresetNames"/>).
    /// A path to a tokenizer.json or tokenizer.model file works too. Throws with the file and the reason
    /// when the folder holds a tokenizer kind this kit does not support.
    /// </summary>
    public static TextTokenizer Load(string modelFolderOrPreset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolderOrPreset);
        if (Directory.Exists(modelFolderOrPreset))
        {
            string folder = Path.GetFullPath(modelFolderOrPreset);
            return new TextTokenizer(TokenizerFolder.Load(folder), modelFolderOrPreset, folder);
        }
        if (File.Exists(modelFolderOrPreset))
        {
            string file = Path.GetFullPath(modelFolderOrPreset);
            return new TextTokenizer(TokenizerFolder.LoadFile(file), modelFolderOrPreset, Path.GetDirectoryName(file), file);
        }
        if (TokenizerPresets.IsPreset(modelFolderOrPreset))
            return new TextTokenizer(TokenizerFolder.LoadPreset(modelFolderOrPreset), modelFolderOrPreset, folder: null);
        throw new DirectoryNotFoundException(
            $"'{modelFolderOrPreset}' is neither a model folder nor a tokenizer preset (presets: {string.Join(", ", PresetNames)}).");
    }

    /// <summary>Names <see cref="Load"/> accepts instead of a folder: tiktoken encodings for counting tokens without a model.</summary>
    public static IReadOnlyList<string> PresetNames => TokenizerPresets.Names;

    /// <summary>The folder or preset name it was loaded from.</summary>
    public string Source { get; }

    /// <summary>What kind of tokenizer this is and which file it came from, e.g. "byte-level BPE (tokenizer.json)".</summary>
    public string Kind { get; }

    /// <summary>How many ids the tokenizer can produce: the highest id plus one, added tokens included (len(tokenizer) in transformers).</summary>
    public int VocabSize => pipeline.Size;

    /// <summary>The beginning-of-sequence token ("&lt;s&gt;"), if the tokenizer has one.</summary>
    public string? BosToken => config.BosToken;

    /// <summary>The end-of-sequence token ("&lt;/s&gt;", "&lt;|endoftext|&gt;"), if any.</summary>
    public string? EosToken => config.EosToken;

    /// <summary>The padding token, if any (many causal models have none).</summary>
    public string? PadToken => config.PadToken;

    /// <summary>The token for unknown input, if any.</summary>
    public string? UnkToken => config.UnkToken;

    /// <summary>The id of <see cref="BosToken"/>.</summary>
    public int? BosTokenId { get; }

    /// <summary>The id of <see cref="EosToken"/>.</summary>
    public int? EosTokenId { get; }

    /// <summary>The id of <see cref="PadToken"/>.</summary>
    public int? PadTokenId { get; }

    /// <summary>The id of <see cref="UnkToken"/>.</summary>
    public int? UnkTokenId { get; }

    /// <summary>
    /// Every id that ends generation: generation_config.json's eos_token_id (which may list several, as
    /// Llama 3 does) and <see cref="EosTokenId"/>.
    /// </summary>
    public IReadOnlyList<int> EosTokenIds { get; }

    /// <summary>
    /// The ids of <paramref name="text"/>. Special tokens written in the text ("&lt;|endoftext|&gt;") are
    /// recognised as such; with <paramref name="addSpecialTokens"/> the tokenizer also adds what its
    /// config says (Llama's BOS, BERT's [CLS] and [SEP]), as Hugging Face does.
    /// </summary>
    public IReadOnlyList<int> Encode(string text, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>();
        if (addSpecialTokens) ids.AddRange(pipeline.Template.Before.Select(t => t.Id));
        pipeline.EncodeIds(text, ids);
        if (addSpecialTokens) ids.AddRange(pipeline.Template.After.Select(t => t.Id));
        return ids;
    }

    /// <summary>The tokens of <paramref name="text"/> with their offsets, for looking at (renders coloured in a notebook).</summary>
    public TokenizedText Tokenize(string text, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<TextToken>();
        if (addSpecialTokens) tokens.AddRange(pipeline.Template.Before.Select(t => new TextToken(t.Id, t.Token, 0, 0, true)));
        var encoded = new List<ModelToken>();
        pipeline.Encode(text, encoded);
        tokens.AddRange(encoded.Select(t => new TextToken(t.Id, t.Value, t.Start, t.End - t.Start, pipeline.IsSpecial(t.Id))));
        if (addSpecialTokens) tokens.AddRange(pipeline.Template.After.Select(t => new TextToken(t.Id, t.Token, text.Length, 0, true)));
        return new TokenizedText(text, tokens);
    }

    /// <summary>How many tokens <paramref name="text"/> is, without the special tokens the tokenizer would add around it.</summary>
    public int CountTokens(string text) => Encode(text, addSpecialTokens: false).Count;

    /// <summary>
    /// The text of <paramref name="ids"/>, as Hugging Face decodes it. <paramref name="cleanUpTokenizationSpaces"/>
    /// (transformers' option of the same name: " ." becomes ".", " 's" becomes "'s", ...) follows the
    /// folder's tokenizer_config.json unless given. An id outside the vocabulary is an error.
    /// </summary>
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false, bool? cleanUpTokenizationSpaces = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return pipeline.Decode(ids, skipSpecialTokens, cleanUpTokenizationSpaces);
    }

    /// <summary>The vocabulary string of an id ("Ġworld"), or null if there is no such id.</summary>
    public string? IdToToken(int id) => pipeline.IdToToken(id);

    /// <summary>The vocabulary strings of several ids.</summary>
    public IReadOnlyList<string> IdsToTokens(IEnumerable<int> ids) =>
        ids.Select(id => IdToToken(id) ?? throw new ArgumentOutOfRangeException(nameof(ids), id, $"Token id {id} is not in the vocabulary.")).ToList();

    /// <summary>The id of a vocabulary string, or null if it is not one token.</summary>
    public int? TokenToId(string token) => pipeline.TokenToId(token);

    /// <summary>Whether an id is a special token (dropped by <see cref="Decode"/> with skipSpecialTokens).</summary>
    public bool IsSpecialToken(int id) => pipeline.IsSpecial(id);

    /// <summary>
    /// The model's chat template (from chat_template.jinja, chat_template.json or tokenizer_config.json), or
    /// null if it has none. Reading it parses it, so unsupported template syntax fails here, naming line and column.
    /// </summary>
    public ChatTemplate? ChatTemplate => chatTemplate.Value;

    /// <summary>This tokenizer with <paramref name="template"/> as its chat template, e.g. <c>tokenizer.WithChatTemplate(ChatTemplate.Preset("chatml"))</c>.</summary>
    public TextTokenizer WithChatTemplate(ChatTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new TextTokenizer(this, template);
    }

    /// <summary>
    /// The conversation as the one string the model expects, through the model's chat template with
    /// this tokenizer's bos_token, eos_token, unk_token and pad_token (as transformers' apply_chat_template
    /// with tokenize=False). <paramref name="addGenerationPrompt"/> appends what starts the assistant's turn.
    /// Fails if the tokenizer has no chat template: use <see cref="WithChatTemplate"/> with a preset then.
    /// </summary>
    public string ApplyChatTemplate(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = false, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var template = ChatTemplate ?? throw new InvalidOperationException(
            $"The tokenizer from {Source} has no chat template. Choose one: tokenizer.WithChatTemplate(ChatTemplate.Preset(\"chatml\")) " +
            $"(presets: {string.Join(", ", ChatTemplatePresets.Names)}).");
        var values = new Dictionary<string, object?>();
        foreach (var (name, token) in new[] { ("bos_token", BosToken), ("eos_token", EosToken), ("unk_token", UnkToken), ("pad_token", PadToken) })
            if (token is not null) values[name] = token;
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>()) values[name] = value;
        return template.Render(messages, addGenerationPrompt, values);
    }

    /// <summary>
    /// Writes the tokenizer's files into <paramref name="folder"/> (created if needed) so that
    /// <see cref="Load"/> of that folder gives this same tokenizer. Files are copied atomically; an
    /// existing generation_config.json there is kept (it belongs to the model).
    /// </summary>
    public void Save(string folder)
    {
        string target = Path.GetFullPath(folder);
        Directory.CreateDirectory(target);
        if (this.folder is null) SavePreset(target);
        else CopyFiles(target);
        if (chatTemplateReplaced && ChatTemplate is { } template)
            AtomicFile.WriteAllText(Path.Combine(target, TokenizerConfig.ChatTemplateJinjaFile), template.Source);
    }

    void CopyFiles(string target)
    {
        if (string.Equals(target, folder, StringComparison.Ordinal) && file is null) return;
        if (file is not null)
            AtomicFile.WriteAllBytes(Path.Combine(target, TokenizerFolder.FileNameFor(file)), File.ReadAllBytes(file));
        foreach (var name in TokenizerFolder.TokenizerFiles.Append(TokenizerConfig.GenerationConfigFile))
        {
            if (file is not null && !TokenizerConfig.IsConfigFile(name)) continue;
            string from = Path.Combine(folder!, name), to = Path.Combine(target, name);
            if (!File.Exists(from)) continue;
            if (name == TokenizerConfig.GenerationConfigFile && File.Exists(to)) continue;
            AtomicFile.WriteAllBytes(to, File.ReadAllBytes(from));
        }
        // A .model file on its own adds no BOS, but a folder with one would: say so in the folder.
        string config = Path.Combine(target, TokenizerConfig.ConfigFile);
        if (file is not null && TokenizerFolder.FileNameFor(file) == TokenizerFolder.SentencePieceFile && !File.Exists(config))
            WriteJson(config, new JsonObject
            {
                ["add_bos_token"] = false,
                ["add_eos_token"] = false,
                ["bos_token"] = BosToken,
                ["eos_token"] = EosToken,
                ["unk_token"] = UnkToken,
                ["pad_token"] = PadToken,
            });
    }

    static void WriteJson(string path, JsonObject json) =>
        AtomicFile.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    void SavePreset(string target)
    {
        var json = new JsonObject
        {
            ["finetune_preset"] = Source,
            ["tokenizer_class"] = "TiktokenTokenizer",
        };
        WriteJson(Path.Combine(target, TokenizerConfig.ConfigFile), json);
    }

    /// <summary>One line: kind, source, vocabulary size and special tokens.</summary>
    public override string ToString()
    {
        string Special(string name, string? token, int? id) => token is null ? "" : $", {name} {token} ({id})";
        return $"TextTokenizer: {Kind} from {Source}, {VocabSize} ids" +
            Special("bos", BosToken, BosTokenId) + Special("eos", EosToken, EosTokenId) + Special("pad", PadToken, PadTokenId);
    }

    int? IdOf(string? token) => token is null ? null : pipeline.TokenToId(token);
}
