using System.Text.Json;
using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Tests.Text;

/// <summary>Named chat templates for models without one.</summary>
public class ChatTemplatePresetTests
{
    static readonly ChatMessage[] Exchange = [ChatMessage.User("Give three tips."), ChatMessage.Assistant("Eat, sleep, move.")];

    [Fact]
    public void Every_preset_parses_and_renders()
    {
        foreach (var name in ChatTemplate.PresetNames)
            Assert.NotEmpty(ChatTemplate.Preset(name).Render(Exchange, true, new Dictionary<string, object?> { ["bos_token"] = "<s>", ["eos_token"] = "</s>" }));
        Assert.Equal(["chatml", "llama2", "llama3", "zephyr", "alpaca", "plain"], ChatTemplate.PresetNames);
    }

    [Fact]
    public void Chatml_marks_each_turn_and_opens_the_assistants()
    {
        Assert.Equal("<|im_start|>user\nGive three tips.<|im_end|>\n<|im_start|>assistant\n",
            ChatTemplate.Preset("chatml").Render([Exchange[0]], addGenerationPrompt: true));
    }

    [Fact]
    public void Alpaca_writes_the_stanford_prompt()
    {
        Assert.Equal(
            "Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n" +
            "### Instruction:\nGive three tips.\n\n### Response:\nEat, sleep, move.",
            ChatTemplate.Preset("alpaca").Render(Exchange));
        Assert.EndsWith("### Instruction:\nGive three tips.\n\n### Response:\n", ChatTemplate.Preset("alpaca").Render([Exchange[0]], addGenerationPrompt: true));
    }

    [Fact]
    public void Plain_is_the_contents_separated_by_blank_lines()
    {
        Assert.Equal("Give three tips.\n\nEat, sleep, move.", ChatTemplate.Preset("plain").Render(Exchange));
    }

    [Fact]
    public void An_unknown_preset_lists_the_presets()
    {
        Assert.Contains("chatml", Assert.Throws<ArgumentException>(() => ChatTemplate.Preset("vicuna")).Message);
    }

    [SkippableFact]
    public void Alpaca_reproduces_the_text_of_the_alpaca_dataset_rows_without_input()
    {
        string? assets = RepoPaths.SharedFixtures("torchtune-assets");
        Skip.If(assets is null, "../shared/fixtures/torchtune-assets is not on this machine");
        using var rows = JsonDocument.Parse(File.ReadAllText(Path.Combine(assets!, "datasets", "alpaca_tiny.json")));
        var alpaca = ChatTemplate.Preset("alpaca");

        var withoutInput = rows.RootElement.EnumerateArray().Where(r => r.GetProperty("input").GetString() == "").ToList();
        Assert.NotEmpty(withoutInput);
        foreach (var row in withoutInput)
            Assert.Equal(row.GetProperty("text").GetString(), alpaca.Render(
                [ChatMessage.User(row.GetProperty("instruction").GetString()!), ChatMessage.Assistant(row.GetProperty("output").GetString()!)]));
    }
}
