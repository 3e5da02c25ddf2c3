namespace FineTune.Kernel.Text;

/// <summary>Tokenizers available by name, without a model folder: OpenAI's tiktoken encodings.</summary>
static class TokenizerPresets
{
    static readonly Dictionary<string, string> Encodings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["o200k"] = "o200k_base",
        ["o200k_base"] = "o200k_base",
        ["gpt-4o"] = "o200k_base",
        ["cl100k"] = "cl100k_base",
        ["cl100k_base"] = "cl100k_base",
        ["gpt-4"] = "cl100k_base",
        ["gpt-3.5-turbo"] = "cl100k_base",
    };

    public static IReadOnlyList<string> Names { get; } = [.. Encodings.Keys];

    public static bool IsPreset(string name) => Encodings.ContainsKey(name);

    public static string Encoding(string name) => Encodings.TryGetValue(name, out var encoding) ? encoding
        : throw new ArgumentException($"'{name}' is not a tokenizer preset. Presets: {string.Join(", ", Names)}.", nameof(name));
}
