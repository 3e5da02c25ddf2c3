using System.Text.Json;
using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Tests.Text;

/// <summary>
/// The 11 published chat templates of neural-api-parity/chat-templates, rendered by Jinja2 with
/// transformers' settings: our interpreter must give exactly the recorded strings and errors.
/// </summary>
public class ChatTemplateCasesTests
{
    public static TheoryData<string> Groups => new("chatml", "llama2", "llama3", "zephyr", "gemma", "phi3", "mistral", "deepseek", "phi4mini", "qwen3_5", "qwen3_8");

    /// <summary>The special tokens each model's tokenizer passes to its template (transformers passes them all).</summary>
    static readonly Dictionary<string, (string Bos, string Eos)> Tokens = new()
    {
        ["chatml"] = ("", "<|im_end|>"),
        ["llama2"] = ("<s>", "</s>"),
        ["llama3"] = ("<|begin_of_text|>", "<|eot_id|>"),
        ["zephyr"] = ("<s>", "</s>"),
        ["gemma"] = ("<bos>", "<eos>"),
        ["phi3"] = ("<s>", "<|endoftext|>"),
        ["mistral"] = ("<s>", "</s>"),
        ["deepseek"] = ("<｜begin▁of▁sentence｜>", "<｜end▁of▁sentence｜>"),
        ["phi4mini"] = ("<|endoftext|>", "<|endoftext|>"),
        ["qwen3_5"] = ("", "<|im_end|>"),
        ["qwen3_8"] = ("", "<|im_end|>"),
    };

    static string? File => RepoPaths.SharedFixtures("neural-api-parity/chat-templates") is { } folder ? Path.Combine(folder, "chat_template_cases.json") : null;

    public sealed record Case(List<ChatMessage> Messages, bool AddGenerationPrompt, string? Expected, string? Error, string? ReasoningEffort);

    public static (string Template, List<Case> Cases) Load(string group)
    {
        Skip.If(File is null, "../shared/fixtures/neural-api-parity/chat-templates is not on this machine");
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(File!));
        var entry = document.RootElement.GetProperty(group);
        var cases = entry.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("messages").EnumerateArray().Select(m => new ChatMessage(m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!)).ToList(),
            c.GetProperty("add_generation_prompt").GetBoolean(),
            c.TryGetProperty("expected", out var e) ? e.GetString() : null,
            c.TryGetProperty("error", out var error) ? error.GetString() : null,
            c.TryGetProperty("reasoning_effort", out var r) ? r.GetString() : null)).ToList();
        return (entry.GetProperty("template").GetString()!, cases);
    }

    /// <summary>bos/eos, and the case's reasoning effort: "off" is enable_thinking=false, any other level is passed as reasoning_effort.</summary>
    public static Dictionary<string, object?> Variables(string group, Case c)
    {
        var variables = new Dictionary<string, object?> { ["bos_token"] = Tokens[group].Bos, ["eos_token"] = Tokens[group].Eos };
        if (c.ReasoningEffort == "off") variables["enable_thinking"] = false;
        else if (c.ReasoningEffort is not null) variables["reasoning_effort"] = c.ReasoningEffort;
        return variables;
    }

    [SkippableTheory]
    [MemberData(nameof(Groups))]
    public void Templates_render_exactly_the_recorded_strings_and_errors(string group)
    {
        var (source, cases) = Load(group);
        var template = ChatTemplate.Parse(source, group);

        foreach (var c in cases)
        {
            if (c.Error is null)
                Assert.Equal(c.Expected, template.Render(c.Messages, c.AddGenerationPrompt, Variables(group, c)));
            else
            {
                var error = Assert.Throws<ChatTemplateException>(() => template.Render(c.Messages, c.AddGenerationPrompt, Variables(group, c)));
                Assert.True(error.RaisedByTemplate);
                Assert.Equal(c.Error, error.Reason);
            }
        }
    }

    [SkippableTheory]
    [InlineData("chatml")]
    [InlineData("llama2")]
    [InlineData("llama3")]
    [InlineData("zephyr")]
    public void Presets_render_what_the_published_templates_render(string preset)
    {
        var (_, cases) = Load(preset);
        var template = ChatTemplate.Preset(preset);

        foreach (var c in cases.Where(c => c.Error is null))
            Assert.Equal(c.Expected, template.Render(c.Messages, c.AddGenerationPrompt, Variables(preset, c)));
        foreach (var c in cases.Where(c => c.Error is not null))
            Assert.Equal(c.Error, Assert.Throws<ChatTemplateException>(() => template.Render(c.Messages, c.AddGenerationPrompt, Variables(preset, c))).Reason);
    }
}
