namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// Finds and reads the tokenizer of a Hugging Face model folder: tokenizer.json if present (as
/// transformers' fast tokenizers do), else vocab.json + merges.txt, else a SentencePiece tokenizer.model,
/// with the special tokens and settings of the folder's config files applied.
/// </summary>
static class TokenizerFolder
{
    public const string TokenizerJsonFile = "tokenizer.json";
    public const string SentencePieceFile = "tokenizer.model";

    /// <summary>The files a tokenizer may be made of, which Save copies.</summary>
    public static readonly string[] TokenizerFiles =
    [
        TokenizerJsonFile, VocabMergesReader.VocabFile, VocabMergesReader.MergesFile, SentencePieceFile,
        TokenizerConfig.ConfigFile, TokenizerConfig.SpecialTokensMapFile, TokenizerConfig.AddedTokensFile,
        TokenizerConfig.ChatTemplateJinjaFile, TokenizerConfig.ChatTemplateJsonFile,
    ];

    /// <summary>The name a single tokenizer file gets in a saved folder.</summary>
    public static string FileNameFor(string file) =>
        file.EndsWith(".model", StringComparison.OrdinalIgnoreCase) ? SentencePieceFile : TokenizerJsonFile;

    public sealed record Loaded(TokenizerPipeline Pipeline, TokenizerConfig Config, string Kind);

    public static Loaded Load(string folder)
    {
        var config = TokenizerConfig.Read(folder);
        string Has(string name) => File.Exists(Path.Combine(folder, name)) ? Path.Combine(folder, name) : "";

        if (Has(TokenizerJsonFile) is { Length: > 0 } json)
        {
            var pipeline = TokenizerJsonReader.Read(json);
            return new Loaded(Configure(pipeline, config), config, $"{Describe(pipeline)} (tokenizer.json)");
        }
        if (Has(VocabMergesReader.VocabFile).Length > 0 && Has(VocabMergesReader.MergesFile).Length > 0)
        {
            var pipeline = VocabMergesReader.Read(folder, config, []);
            return new Loaded(Configure(pipeline, config, slowDefaults: GptDefaults(config, pipeline)), config, "byte-level BPE (vocab.json + merges.txt)");
        }
        if (Has(SentencePieceFile) is { Length: > 0 } model)
        {
            if (config.Legacy == false)
                throw new NotSupportedException($"{Path.Combine(folder, TokenizerConfig.ConfigFile)}: \"legacy\": false with only a tokenizer.model " +
                    "is not supported (transformers then treats text after special tokens differently); a tokenizer.json is.");
            var sentencePiece = SentencePieceReader.Read(model);
            return new Loaded(Configure(sentencePiece.Pipeline, config, slowDefaults: LlamaDefaults(config, sentencePiece)), config, $"{sentencePiece.Kind} (tokenizer.model)");
        }
        if (config.Preset is { } preset) return LoadPreset(preset, config);

        string present = Directory.Exists(folder) ? string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName).Order()) : "(folder does not exist)";
        if (Has("vocab.txt").Length > 0)
            throw new NotSupportedException($"{folder}: a WordPiece vocab.txt without tokenizer.json is not supported; save the tokenizer with transformers' save_pretrained to get tokenizer.json.");
        throw new FileNotFoundException($"{folder}: no tokenizer found. Expected tokenizer.json, vocab.json + merges.txt, or tokenizer.model. Files here: {present}.");
    }

    /// <summary>
    /// A single tokenizer.json (its folder's config files, if any, apply too) or SentencePiece .model file
    /// (on its own it encodes as sentencepiece does: no BOS added).
    /// </summary>
    public static Loaded LoadFile(string file)
    {
        var config = TokenizerConfig.Read(Path.GetDirectoryName(file)!);
        if (file.EndsWith(".model", StringComparison.OrdinalIgnoreCase))
        {
            var sentencePiece = SentencePieceReader.Read(file);
            config.ApplyDefaults(sentencePiece.Bos, sentencePiece.Eos, sentencePiece.Unk, sentencePiece.Pad);
            return new Loaded(Configure(sentencePiece.Pipeline, config), config, $"{sentencePiece.Kind} ({Path.GetFileName(file)})");
        }
        if (!file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new NotSupportedException($"{file}: expected a tokenizer.json or SentencePiece .model file, or a model folder.");
        var json = TokenizerJsonReader.Read(file);
        return new Loaded(Configure(json, config), config, $"{Describe(json)} ({Path.GetFileName(file)})");
    }

    public static Loaded LoadPreset(string preset, TokenizerConfig? config = null)
    {
        var tiktoken = new TiktokenModel(TokenizerPresets.Encoding(preset));
        var pipeline = new TokenizerPipeline(tiktoken, tiktoken.SpecialTokens);
        config ??= new TokenizerConfig();
        config.ApplyDefaults(bos: null, eos: "<|endoftext|>", unk: null, pad: null);
        return new Loaded(pipeline, config, $"tiktoken {TokenizerPresets.Encoding(preset)} (preset)");
    }

    /// <summary>Defaults transformers' slow classes apply that the files themselves do not say.</summary>
    sealed record SlowDefaults(bool AddBos, bool AddEos, string? Bos, string? Eos, string? Unk, string? Pad);

    static SlowDefaults LlamaDefaults(TokenizerConfig config, SentencePieceReader.Result model)
    {
        // T5Tokenizer appends EOS; LlamaTokenizer (and the classes following it) puts BOS first.
        bool t5 = config.TokenizerClass?.StartsWith("T5") == true;
        return new SlowDefaults(!t5, t5, t5 ? null : model.Bos, model.Eos, model.Unk, model.Pad);
    }

    static SlowDefaults GptDefaults(TokenizerConfig config, TokenizerPipeline pipeline)
    {
        // GPT2Tokenizer names <|endoftext|> as bos/eos/unk unless told otherwise; Qwen2Tokenizer as eos/unk/pad.
        string? endOfText = pipeline.TokenToId("<|endoftext|>") is null ? null : "<|endoftext|>";
        bool qwen2 = config.TokenizerClass?.StartsWith("Qwen2") == true;
        return new SlowDefaults(false, false, qwen2 ? null : endOfText, endOfText, endOfText, qwen2 ? endOfText : null);
    }

    /// <summary>Adds the config's added and special tokens, and its add_bos_token / add_eos_token choice.</summary>
    static TokenizerPipeline Configure(TokenizerPipeline pipeline, TokenizerConfig config, SlowDefaults? slowDefaults = null)
    {
        if (slowDefaults is not null) config.ApplyDefaults(slowDefaults.Bos, slowDefaults.Eos, slowDefaults.Unk, slowDefaults.Pad);
        var added = pipeline.AddedTokens.ToList();
        foreach (var token in config.AddedTokens)
            if (added.All(a => a.Content != token.Content)) added.Add(token);
        foreach (var name in config.SpecialTokenNames)
            if (added.All(a => a.Content != name) && pipeline.TokenToId(name) is int id) added.Add(new AddedToken(id, name, Special: true));

        var template = pipeline.Template;
        bool addBos = config.AddBosToken ?? slowDefaults?.AddBos ?? false;
        bool addEos = config.AddEosToken ?? slowDefaults?.AddEos ?? false;
        if (config.AddBosToken is not null || config.AddEosToken is not null || slowDefaults is not null)
            template = new SpecialTokenTemplate(
                addBos && Resolve(config.BosToken, pipeline) is { } bos ? [bos] : [],
                addEos && Resolve(config.EosToken, pipeline) is { } eos ? [eos] : []);

        return new TokenizerPipeline(pipeline.Model, added, pipeline.Normalizer, pipeline.PreTokenizer, pipeline.Decoder, template)
        {
            CleanUpTokenizationSpaces = config.CleanUpTokenizationSpaces,
        };
    }

    static (int, string)? Resolve(string? token, TokenizerPipeline pipeline) =>
        token is not null && pipeline.TokenToId(token) is int id ? (id, token) : null;

    static string Describe(TokenizerPipeline pipeline) => pipeline.Model switch
    {
        BpeModel when pipeline.Decoder is ByteLevelDecoder => "byte-level BPE",
        BpeModel => "BPE",
        WordPieceModel => "WordPiece",
        UnigramModel => "Unigram",
        _ => pipeline.Model.GetType().Name,
    };
}
