using FineTune.Kernel.Data;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Data;

public class ExportTests
{
    static readonly Dataset Instructions = Dataset.From(DatasetFormat.Instruction,
        [new { instruction = "Add the numbers.", input = "2 + 2", output = "4" }, new { instruction = "Say hi.", input = "", output = "hi" }]);

    [Fact]
    public void Instruction_rows_export_to_alpaca_chat_and_prompt_completion()
    {
        using var folder = new TempFolder();

        Instructions.Export(folder.File("alpaca.jsonl"), ExportFormat.Alpaca);
        Instructions.Export(folder.File("chat.jsonl"), ExportFormat.Chat);
        var written = Instructions.Export(folder.File("pc.jsonl"), ExportFormat.PromptCompletion);

        Assert.Equal("""{"instruction":"Add the numbers.","input":"2 + 2","output":"4"}""", File.ReadLines(folder.File("alpaca.jsonl")).First());
        Assert.Equal("""{"messages":[{"role":"user","content":"Add the numbers.\n\n2 + 2"},{"role":"assistant","content":"4"}]}""", File.ReadLines(folder.File("chat.jsonl")).First());
        Assert.Equal("""{"prompt":"Say hi.","completion":"hi"}""", File.ReadLines(folder.File("pc.jsonl")).Last());
        Assert.Equal(2, written.Rows);
    }

    [Fact]
    public void An_exported_file_loads_back_as_the_same_rows()
    {
        using var folder = new TempFolder();
        string path = folder.File("round.jsonl");

        Instructions.Export(path, ExportFormat.Chat);
        var chat = Dataset.Load(path);
        chat.Export(folder.File("back.jsonl"), ExportFormat.Alpaca);
        var back = Dataset.Load(folder.File("back.jsonl"));

        Assert.Equal(DatasetFormat.Chat, chat.Format);
        Assert.True(ChatDataValidator.Validate(chat).IsValid);
        Assert.Equal(["Add the numbers.\n\n2 + 2", "Say hi."], back.Rows.Select(r => r["instruction"]));
        Assert.Equal(Instructions.Rows.Select(r => r["output"]), back.Rows.Select(r => r["output"]));
    }

    [Fact]
    public void Labelled_text_needs_an_instruction_to_become_instruction_data()
    {
        using var folder = new TempFolder();
        var data = Dataset.From(DatasetFormat.LabelledText, [new { text = "It rained all day.", label = "weather" }]);

        var error = Assert.Throws<DataFormatException>(() => data.Export(folder.File("x.jsonl"), ExportFormat.Alpaca));
        data.Export(folder.File("x.jsonl"), ExportFormat.Alpaca, instruction: "Name the topic.");

        Assert.Contains("item 1: labelled text rows have no instruction", error.Message);
        Assert.Equal("""{"instruction":"Name the topic.","input":"It rained all day.","output":"weather"}""", File.ReadAllText(folder.File("x.jsonl")).Trim());
    }

    [Fact]
    public void A_multi_turn_conversation_exports_whole_to_chat_only()
    {
        using var folder = new TempFolder();
        var data = Dataset.From(DatasetFormat.Chat, [new { messages = new[]
        {
            new { role = "user", content = "Hi" }, new { role = "assistant", content = "Hello" }, new { role = "user", content = "2+2?" }, new { role = "assistant", content = "4" },
        } }]);

        data.Export(folder.File("chat.jsonl"), ExportFormat.Chat);
        var error = Assert.Throws<DataFormatException>(() => data.Export(folder.File("pc.jsonl"), ExportFormat.PromptCompletion));

        Assert.Equal(4, Dataset.Load(folder.File("chat.jsonl")).Rows[0].Messages.Count);
        Assert.Contains("2 user turn(s)", error.Message);
        Assert.False(File.Exists(folder.File("pc.jsonl")));
    }

    [Fact]
    public void Records_export_keeps_every_field_and_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        var data = Dataset.From(DatasetFormat.LabelledText, [new { text = "It's sunny", label = "weather", source = "web" }]);

        data.Export(folder.File("out.jsonl"));

        Assert.Equal("""{"text":"It's sunny","label":"weather","source":"web"}""", File.ReadAllText(folder.File("out.jsonl")).Trim());
        Assert.Equal([folder.File("out.jsonl")], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Splits_export_three_files_into_a_folder()
    {
        using var folder = new TempFolder();
        var data = Dataset.From(DatasetFormat.LabelledText, Enumerable.Range(0, 20).Select(i => (object)new { text = $"row {i}", label = i % 2 == 0 ? "a" : "b" }));

        var files = data.Split(seed: 1).Export(folder.Path);

        Assert.Equal(["train.jsonl", "validation.jsonl", "test.jsonl"], files.Select(f => Path.GetFileName(f.Path)));
        Assert.Equal(20, files.Sum(f => File.ReadAllLines(f.Path).Length));
    }
}
