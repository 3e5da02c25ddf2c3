using System.Text;
using System.Text.RegularExpressions;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// Builds a <see cref="TokenizerPipeline"/> from a Hugging Face tokenizer.json (Microsoft.ML.Tokenizers
/// has no reader for it). Every component type it does not know is refused with the file and JSON path.
/// </summary>
static class TokenizerJsonReader
{
    public static readonly string[] NormalizerTypes = ["Sequence", "Prepend", "Replace", "Lowercase", "NFC", "NFD", "NFKC", "NFKD", "Strip", "StripAccents", "BertNormalizer"];
    public static readonly string[] PreTokenizerTypes = ["Sequence", "ByteLevel", "Split", "Digits", "Punctuation", "Whitespace", "WhitespaceSplit", "BertPreTokenizer", "Metaspace", "CharDelimiterSplit"];
    public static readonly string[] ModelTypes = ["BPE", "WordPiece", "Unigram"];
    public static readonly string[] PostProcessorTypes = ["TemplateProcessing", "BertProcessing", "RobertaProcessing", "ByteLevel", "Sequence"];
    public static readonly string[] DecoderTypes = ["Sequence", "ByteLevel", "Replace", "ByteFallback", "Fuse", "Strip", "Metaspace", "WordPiece", "BPEDecoder"];

    public static TokenizerPipeline Read(string file)
    {
        var root = JsonFields.Open(file);
        var addedTokens = root.Optional("added_tokens")?.Items().Select(ReadAddedToken).ToList() ?? [];
        var normalizer = root.Optional("normalizer") is { } n ? ReadNormalizer(n) : null;
        var preTokenizer = root.Optional("pre_tokenizer") is { } p ? ReadPreTokenizer(p) : null;
        var model = ReadModel(root["model"], normalizer, preTokenizer);
        if (model is BpeModel { IsByteLevel: true }) preTokenizer = null; // runs inside Microsoft.ML.Tokenizers
        var decoder = root.Optional("decoder") is { } d ? ReadDecoder(d) : null;
        var template = root.Optional("post_processor") is { } pp ? ReadPostProcessor(pp) : SpecialTokenTemplate.None;
        return new TokenizerPipeline(model, addedTokens, normalizer, preTokenizer, decoder, template);
    }

    static AddedToken ReadAddedToken(JsonFields t) => new(
        t["id"].AsInt(), t.String("content"), t.Bool("special", false), t.Bool("normalized", false),
        t.Bool("lstrip", false), t.Bool("rstrip", false), t.Bool("single_word", false));

    static string TypeOf(JsonFields f, string[] supported, string kind)
    {
        string type = f.StringOrNull("type") ?? throw f.Error($"'{f.Path}' has no \"type\"");
        return supported.Contains(type) ? type
            : throw f.Unsupported($"{kind} type '{type}' is not supported (supported: {string.Join(", ", supported)})");
    }

    static INormalizer ReadNormalizer(JsonFields f) => TypeOf(f, NormalizerTypes, "normalizer") switch
    {
        "Sequence" => new SequenceNormalizer(f["normalizers"].Items().Select(ReadNormalizer).ToList()),
        "Prepend" => new PrependNormalizer(f.String("prepend")),
        "Replace" => new ReplaceNormalizer(ReadPattern(f["pattern"]), f.String("content")),
        "Lowercase" => new LowercaseNormalizer(),
        "NFC" => new UnicodeNormalizer(NormalizationForm.FormC),
        "NFD" => new UnicodeNormalizer(NormalizationForm.FormD),
        "NFKC" => new UnicodeNormalizer(NormalizationForm.FormKC),
        "NFKD" => new UnicodeNormalizer(NormalizationForm.FormKD),
        "Strip" => new StripNormalizer(f.Bool("strip_left", true), f.Bool("strip_right", true)),
        "StripAccents" => new StripAccentsNormalizer(),
        _ => new BertNormalizer(f.Bool("clean_text", true), f.Bool("handle_chinese_chars", true),
            f.Bool("strip_accents", f.Bool("lowercase", true)), f.Bool("lowercase", true)),
    };

    static IPreTokenizer ReadPreTokenizer(JsonFields f) => TypeOf(f, PreTokenizerTypes, "pre_tokenizer") switch
    {
        "Sequence" => Sequence(f["pretokenizers"].Items().Select(ReadPreTokenizer).ToList()),
        "ByteLevel" => new ByteLevelPreTokenizer(f.Bool("add_prefix_space", true), f.Bool("use_regex", true)),
        "Split" => new RegexSplitter(ReadSplitPattern(f["pattern"]), ReadBehavior(f["behavior"]), f.Bool("invert", false)),
        "Digits" => new CharSplitter(CharSplitter.IsAsciiDigit,
            f.Bool("individual_digits", false) ? SplitBehavior.Isolated : SplitBehavior.Contiguous),
        "Punctuation" => new CharSplitter(CharSplitter.IsPunctuation, f.Optional("behavior") is { } b ? ReadBehavior(b) : SplitBehavior.Isolated),
        "Whitespace" => new RegexSplitter(new CodePointRegex(@"\w+|[^\w\s]+", RegexOptions.Compiled), SplitBehavior.Removed, invert: true),
        "WhitespaceSplit" => new CharSplitter(CharSplitter.IsWhitespace, SplitBehavior.Removed),
        "BertPreTokenizer" => new SequenceSplitter([
            new CharSplitter(CharSplitter.IsWhitespace, SplitBehavior.Removed),
            new CharSplitter(CharSplitter.IsPunctuation, SplitBehavior.Isolated)]),
        "CharDelimiterSplit" => new CharSplitter((t, i) => t[i] == f.String("delimiter")[0], SplitBehavior.Removed),
        _ => new MetaspacePreTokenizer(f.String("replacement")[0], ReadPrependScheme(f), f.Bool("split", true)),
    };

    static IPreTokenizer Sequence(List<IPreTokenizer> steps) =>
        steps.All(s => s is Splitter) ? new SequenceSplitter(steps.Cast<Splitter>().ToList()) : new SequencePreTokenizer(steps);

    static PrependScheme ReadPrependScheme(JsonFields f) => f.StringOrNull("prepend_scheme") switch
    {
        "always" => PrependScheme.Always,
        "first" => PrependScheme.First,
        "never" => PrependScheme.Never,
        null => f.Bool("add_prefix_space", true) ? PrependScheme.Always : PrependScheme.Never,
        var other => throw f.Error($"'{f.Path}.prepend_scheme' is '{other}'; expected always, first or never"),
    };

    static SplitBehavior ReadBehavior(JsonFields f) => Enum.TryParse<SplitBehavior>(f.AsString(), out var b)
        ? b : throw f.Error($"'{f.Path}' is '{f.AsString()}'; expected one of {string.Join(", ", Enum.GetNames<SplitBehavior>())}");

    static CodePointRegex ReadSplitPattern(JsonFields f)
    {
        if (f.Has("String")) return new CodePointRegex(Regex.Escape(f.String("String")));
        if (!f.Has("Regex")) throw f.Error($"'{f.Path}' should hold \"String\" or \"Regex\"");
        try { return new CodePointRegex(f.String("Regex"), RegexOptions.Compiled); }
        catch (ArgumentException e) { throw f.Unsupported($"the regex cannot be used in .NET: {e.Message}"); }
    }

    static Regex ReadPattern(JsonFields f)
    {
        if (f.Has("String")) return new Regex(Regex.Escape(f.String("String")), RegexOptions.CultureInvariant);
        if (!f.Has("Regex")) throw f.Error($"'{f.Path}' should hold \"String\" or \"Regex\"");
        try { return new Regex(f.String("Regex"), RegexOptions.Compiled | RegexOptions.CultureInvariant); }
        catch (ArgumentException e) { throw f.Unsupported($"the regex cannot be used in .NET: {e.Message}"); }
    }

    static ITokenModel ReadModel(JsonFields f, INormalizer? normalizer, IPreTokenizer? preTokenizer)
    {
        string type = f.StringOrNull("type") ?? (f.Has("merges") ? "BPE" : f.Has("vocab") && f["vocab"].Element.ValueKind == System.Text.Json.JsonValueKind.Array ? "Unigram" : "WordPiece");
        if (!ModelTypes.Contains(type)) throw f.Unsupported($"model type '{type}' is not supported (supported: {string.Join(", ", ModelTypes)})");
        return type switch
        {
            "BPE" => ReadBpe(f, normalizer, preTokenizer),
            "WordPiece" => new WordPieceModel(ReadVocab(f["vocab"]), f.String("unk_token"),
                f.StringOrNull("continuing_subword_prefix") ?? "##", f.Int("max_input_chars_per_word", 100), f.File),
            _ => new UnigramModel(f["vocab"].Items().Select(p => p.Items().ToList())
                    .Select(p => new UnigramPiece(p[0].AsString(), p[1].AsDouble())).ToList(),
                f.Int("unk_id", -1) is int unk and >= 0 ? unk : throw f.Unsupported("a Unigram model without unk_id is not supported"),
                f.Bool("byte_fallback", false)),
        };
    }

    static BpeModel ReadBpe(JsonFields f, INormalizer? normalizer, IPreTokenizer? preTokenizer)
    {
        if (f.Has("dropout") && f["dropout"].AsDouble() > 0) throw f.Unsupported("BPE dropout is not supported (it makes encoding random)");
        var settings = new BpeSettings(
            ReadVocab(f["vocab"]),
            ReadMerges(f["merges"]),
            f.StringOrNull("unk_token"),
            f.StringOrNull("continuing_subword_prefix"),
            f.StringOrNull("end_of_word_suffix"),
            f.Bool("fuse_unk", false),
            f.Bool("byte_fallback", false),
            f.Bool("ignore_merges", false));
        if (settings.ByteFallback && settings.UnknownToken is null)
            throw f.Unsupported("BPE byte_fallback without an unk_token is not supported");
        return new BpeModel(settings, WholeSegmentSplitter(settings, normalizer, preTokenizer));
    }

    /// <summary>
    /// When the pipeline is plain byte-level BPE (no normalizer, splitters then ByteLevel without a
    /// prefix space), Microsoft.ML.Tokenizers can run it whole: returns the splitter it should use.
    /// </summary>
    internal static Splitter? WholeSegmentSplitter(BpeSettings settings, INormalizer? normalizer, IPreTokenizer? preTokenizer)
    {
        if (normalizer is not null || settings.ByteFallback || settings.IgnoreMerges) return null;
        var steps = preTokenizer switch
        {
            ByteLevelPreTokenizer b => [b],
            SequencePreTokenizer s => s.Steps.ToList(),
            _ => new List<IPreTokenizer>(),
        };
        if (steps.Count == 0 || steps[^1] is not ByteLevelPreTokenizer { AddPrefixSpace: false } byteLevel) return null;
        var splitters = steps.Take(steps.Count - 1).ToList();
        if (!splitters.All(s => s is Splitter)) return null;
        var all = splitters.Cast<Splitter>().ToList();
        if (byteLevel.UseRegex) all.Add(ByteLevelPreTokenizer.Gpt2Splitter);
        return all.Count == 1 ? all[0] : new SequenceSplitter(all);
    }

    static Dictionary<string, int> ReadVocab(JsonFields f) =>
        f.Properties().ToDictionary(p => p.Name, p => p.Value.AsInt());

    /// <summary>Merges as "a b" lines; tokenizer.json stores them as strings or (newer) as [a, b] pairs.</summary>
    static List<string> ReadMerges(JsonFields f) => f.Items().Select(m =>
    {
        if (m.Element.ValueKind == System.Text.Json.JsonValueKind.String) return m.AsString();
        var pair = m.Items().Select(x => x.AsString()).ToList();
        if (pair.Count != 2) throw m.Error($"'{m.Path}' should be a pair of tokens");
        if (pair[0].Contains(' ') || pair[1].Contains(' '))
            throw m.Unsupported($"merge tokens containing spaces are not supported ('{pair[0]}', '{pair[1]}')");
        return pair[0] + " " + pair[1];
    }).ToList();

    static SpecialTokenTemplate ReadPostProcessor(JsonFields f)
    {
        switch (TypeOf(f, PostProcessorTypes, "post_processor"))
        {
            case "ByteLevel":
                return SpecialTokenTemplate.None;
            case "Sequence":
                return f["processors"].Items().Select(p => ReadPostProcessor(p))
                    .Aggregate(SpecialTokenTemplate.None, (a, b) => a.Then(b));
            case "BertProcessing":
            case "RobertaProcessing":
                var cls = f["cls"].Items().ToList();
                var sep = f["sep"].Items().ToList();
                return new SpecialTokenTemplate([(cls[1].AsInt(), cls[0].AsString())], [(sep[1].AsInt(), sep[0].AsString())]);
            default: // TemplateProcessing: the "single" list around sequence A
                var specials = f["special_tokens"];
                var before = new List<(int, string)>();
                var after = new List<(int, string)>();
                bool seenSequence = false;
                foreach (var piece in f["single"].Items())
                {
                    if (piece.Has("Sequence")) { seenSequence = true; continue; }
                    string name = piece["SpecialToken"].String("id");
                    var entry = specials[name];
                    var ids = entry["ids"].Items().Select(i => i.AsInt()).ToList();
                    var tokens = entry["tokens"].Items().Select(t => t.AsString()).ToList();
                    (seenSequence ? after : before).AddRange(ids.Zip(tokens));
                }
                return new SpecialTokenTemplate(before, after);
        }
    }

    static IDecoder ReadDecoder(JsonFields f) => TypeOf(f, DecoderTypes, "decoder") switch
    {
        "Sequence" => new SequenceDecoder(f["decoders"].Items().Select(ReadDecoder).ToList()),
        "ByteLevel" => new ByteLevelDecoder(),
        "Replace" => new ReplaceDecoder(ReadPattern(f["pattern"]), f.String("content")),
        "ByteFallback" => new ByteFallbackDecoder(),
        "Fuse" => new FuseDecoder(),
        "Strip" => new StripDecoder(f.String("content")[0], f.Int("start", 0), f.Int("stop", 0)),
        "Metaspace" => new MetaspaceDecoder(f.String("replacement")[0], ReadPrependScheme(f)),
        "WordPiece" => new WordPieceDecoder(f.StringOrNull("prefix") ?? "##", f.Bool("cleanup", true)),
        _ => new BpeSuffixDecoder(f.StringOrNull("suffix") ?? "</w>"),
    };
}
