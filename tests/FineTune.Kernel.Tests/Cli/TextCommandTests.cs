using System.Text.Json;
using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Tests.Text;

namespace FineTune.Kernel.Tests.Cli;

/// <summary><c>finetune tokenize</c> and <c>finetune chat-template</c>.</summary>
public class TextCommandTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    static (int Exit, string Output, string Error) Run(params string[] args) => FinetuneCli.Run(args);

    [Fact]
    public void Tokenize_prints_ids_and_tokens()
    {
        TinyTokenizerFolder.WriteTokenizerJson(folder.Path);

        var (exit, output, _) = Run("tokenize", "--model", folder.Path, "--text", "the cat");

        Assert.Equal(0, exit);
        Assert.Contains("byte-level BPE (tokenizer.json)", output);
        Assert.Contains("\"Ġcat\"", output);
        Assert.Contains($"ids: [{TinyTokenizerFolder.Id("t")}, {TinyTokenizerFolder.Id("he")}, {TinyTokenizerFolder.Id("Ġcat")}]", output);
    }

    [Fact]
    public void Tokenize_with_json_gives_ids_and_offsets()
    {
        var (exit, output, _) = Run("tokenize", "--preset", "cl100k", "--text", "Hello world", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal([9906, 1917], json.RootElement.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()));
        var world = json.RootElement.GetProperty("tokens")[1];
        Assert.Equal((" world", 5, 6), (world.GetProperty("text").GetString(), world.GetProperty("start").GetInt32(), world.GetProperty("length").GetInt32()));
    }

    [Fact]
    public void Tokenize_wants_exactly_one_of_model_and_preset()
    {
        var (exit, _, error) = Run("tokenize", "--text", "x");

        Assert.Equal(2, exit);
        Assert.Contains("--model DIR or --preset NAME", error);
    }

    [Fact]
    public void Tokenize_reports_a_folder_without_a_tokenizer()
    {
        var (exit, _, error) = Run("tokenize", "--model", folder.Path, "--text", "x");

        Assert.Equal(1, exit);
        Assert.Contains("no tokenizer found", error);
    }

    [Fact]
    public void Chat_template_prints_the_rendered_prompt()
    {
        TinyTokenizerFolder.WriteTokenizerJson(folder.Path, chatTemplate: "{% for m in messages %}[{{ m.role }}] {{ m.content }}{{ eos_token }}{% endfor %}{% if add_generation_prompt %}[assistant] {% endif %}");
        File.WriteAllText(folder.File("messages.json"), """[{"role": "user", "content": "Hi"}]""");

        var (exit, output, _) = Run("chat-template", "--model", folder.Path, "--messages", folder.File("messages.json"), "--add-generation-prompt");

        Assert.Equal(0, exit);
        Assert.Equal("[user] Hi<|endoftext|>[assistant] ", output);
    }

    [Fact]
    public void Chat_template_reads_json_lines_and_takes_a_preset()
    {
        TinyTokenizerFolder.WriteTokenizerJson(folder.Path);
        File.WriteAllLines(folder.File("messages.jsonl"), ["""{"role": "system", "content": "Be brief."}""", "", """{"role": "user", "content": "Hi"}"""]);

        var (exit, output, _) = Run("chat-template", "--model", folder.Path, "--messages", folder.File("messages.jsonl"), "--template", "chatml");

        Assert.Equal(0, exit);
        Assert.Equal("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n", output);
    }

    [Fact]
    public void Chat_template_names_the_file_and_line_of_a_bad_message()
    {
        TinyTokenizerFolder.WriteTokenizerJson(folder.Path, chatTemplate: "{{ messages | length }}");
        File.WriteAllLines(folder.File("messages.jsonl"), ["""{"role": "user", "content": "Hi"}""", """{"role": "user"}"""]);

        var (exit, _, error) = Run("chat-template", "--model", folder.Path, "--messages", folder.File("messages.jsonl"));

        Assert.Equal(1, exit);
        Assert.Contains($"{folder.File("messages.jsonl")}: line 2: expected a string \"content\"", error);
    }

    [Fact]
    public void Chat_template_without_a_template_suggests_the_presets()
    {
        TinyTokenizerFolder.WriteTokenizerJson(folder.Path);
        File.WriteAllText(folder.File("messages.json"), """{"messages": [{"role": "user", "content": "Hi"}]}""");

        var (exit, _, error) = Run("chat-template", "--model", folder.Path, "--messages", folder.File("messages.json"));

        Assert.Equal(1, exit);
        Assert.Contains("has no chat template", error);
    }
}
