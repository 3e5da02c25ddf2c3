using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Kernel.Text.Jinja;

namespace FineTune.Kernel.Text;

/// <summary>
/// A chat template: the Jinja text a model's tokenizer_config.json stores as "chat_template", which
/// turns a list of messages into the one string the model was trained on. Rendered by our own
/// interpreter of the Jinja subset chat templates use, with the settings transformers uses
/// (trim_blocks, lstrip_blocks, raise_exception, tojson). Presets cover models without one.
/// <code>
/// var template = ChatTemplate.Preset("chatml");
/// string prompt = template.Render([ChatMessage.User("Hi!")], addGenerationPrompt: true);
/// </code>
/// </summary>
public sealed class ChatTemplate
{
    readonly List<Statement> body;

    ChatTemplate(string source, string name, List<Statement> body)
    {
        Source = source;
        Name = name;
        this.body = body;
    }

    /// <summary>The Jinja text of the template.</summary>
    public string Source { get; }

    /// <summary>Where it came from: a preset name or the file it was read from.</summary>
    public string Name { get; }

    /// <summary>
    /// Parses Jinja template text. Syntax this interpreter does not support fails here with the line,
    /// column and construct (for example "{% call %}").
    /// </summary>
    public static ChatTemplate Parse(string source, string name = "chat template")
    {
        ArgumentNullException.ThrowIfNull(source);
        try { return new ChatTemplate(source, name, JinjaParser.Parse(source)); }
        catch (JinjaException e) { throw Located(e, source, name); }
    }

    /// <summary>Names <see cref="Preset"/> accepts.</summary>
    public static IReadOnlyList<string> PresetNames => ChatTemplatePresets.Names;

    /// <summary>
    /// A named template for models whose tokenizer has none: "chatml" (Qwen, SmolLM), "llama2", "llama3",
    /// "zephyr", "alpaca", "plain" (the contents, separated by blank lines).
    /// </summary>
    public static ChatTemplate Preset(string name) => Parse(ChatTemplatePresets.Source(name), name);

    /// <summary>
    /// Renders <paramref name="messages"/>. With <paramref name="addGenerationPrompt"/> the template adds
    /// what starts the assistant's reply. <paramref name="variables"/> are further template variables:
    /// bos_token and eos_token (which <see cref="TextTokenizer.ApplyChatTemplate"/> fills in), tools,
    /// enable_thinking, ... given as strings, numbers, booleans, lists, dictionaries or JSON.
    /// </summary>
    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = false, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var values = new Dictionary<string, object?>
        {
            ["messages"] = messages.Select(m => (object?)new OrderedDictionary<string, object?> { ["role"] = m.Role, ["content"] = m.Content }).ToList(),
            ["add_generation_prompt"] = addGenerationPrompt,
            ["tools"] = null,
            ["documents"] = null,
        };
        foreach (var (key, value) in variables ?? new Dictionary<string, object?>()) values[key] = ToTemplateValue(value, key);
        try { return JinjaRenderer.Render(body, values); }
        catch (JinjaException e) { throw Located(e, Source, Name); }
    }

    /// <summary>The template's name and its first line.</summary>
    public override string ToString()
    {
        string firstLine = Source.Split('\n')[0];
        return $"ChatTemplate {Name}: {(firstLine.Length > 80 ? firstLine[..80] + "..." : firstLine)}";
    }

    static ChatTemplateException Located(JinjaException e, string source, string name)
    {
        int position = Math.Clamp(e.Position, 0, source.Length);
        int line = 1 + source.AsSpan(0, position).Count('\n');
        int column = position - (source.LastIndexOf('\n', Math.Max(0, position - 1)) + 1) + 1;
        if (position > 0 && source[position - 1] == '\n') column = 1;
        return new ChatTemplateException(name, e.Message, line, column, e.RaisedByTemplate);
    }

    /// <summary>Turns .NET and JSON values into the Python-like values templates see.</summary>
    static object? ToTemplateValue(object? value, string path) => value switch
    {
        null => null,
        string or bool or long or double => value,
        int or short or byte or uint => Convert.ToInt64(value),
        float or decimal => Convert.ToDouble(value),
        ChatMessage m => new OrderedDictionary<string, object?> { ["role"] = m.Role, ["content"] = m.Content },
        JsonElement json => FromJson(json),
        JsonNode node => FromJson(JsonSerializer.SerializeToElement(node)),
        IDictionary dict => dict.Keys.Cast<object>().Aggregate(new OrderedDictionary<string, object?>(), (d, k) =>
        {
            d[k.ToString()!] = ToTemplateValue(dict[k], $"{path}.{k}");
            return d;
        }),
        IEnumerable items => items.Cast<object?>().Select((x, i) => ToTemplateValue(x, $"{path}[{i}]")).ToList(),
        _ => throw new ArgumentException($"Template variable '{path}' is a {value.GetType().Name}; use strings, numbers, booleans, lists, dictionaries or JSON.", nameof(value)),
    };

    static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.TryGetInt64(out long l) ? l : json.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => json.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => json.EnumerateObject().Aggregate(new OrderedDictionary<string, object?>(), (d, p) =>
        {
            d[p.Name] = FromJson(p.Value);
            return d;
        }),
        _ => null,
    };
}
