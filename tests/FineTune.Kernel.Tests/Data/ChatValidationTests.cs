using FineTune.Kernel.Data;
using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Tests.Data;

public class ChatValidationTests
{
    [Fact]
    public void Each_cookbook_format_error_is_counted_with_the_examples_that_have_it()
    {
        using var folder = new TempFolder();
        string path = DataFiles.Lines(folder, "chat.jsonl",
            """{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}""",
            """["not", "an", "example"]""",
            """{"messages": []}""",
            """{"messages": [{"role": "user"}, {"role": "assistant", "content": "x"}]}""",
            """{"messages": [{"role": "user", "content": "Hi", "mood": "happy"}, {"role": "assistant", "content": "x"}]}""",
            """{"messages": [{"role": "robot", "content": "Hi"}, {"role": "assistant", "content": "x"}]}""",
            """{"messages": [{"role": "user", "content": ""}, {"role": "assistant", "content": "x"}]}""",
            """{"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]}""",
            "{not json");

        var report = ChatDataValidator.ValidateFile(path);

        Assert.False(report.IsValid);
        Assert.Equal([2], report.Errors["data_type"]);
        Assert.Equal([3], report.Errors["missing_messages_list"]);
        Assert.Equal([4], report.Errors["message_missing_key"]);
        Assert.Equal([5], report.Errors["message_unrecognized_key"]);
        Assert.Equal([6], report.Errors["unrecognized_role"]);
        Assert.Equal([4, 7], report.Errors["missing_content"]);
        Assert.Equal([8], report.Errors["example_missing_assistant_message"]);
        Assert.Equal([9], report.Errors["invalid_json"]);
    }

    [Fact]
    public void Tokens_are_counted_as_the_cookbook_does_and_billed_per_default_epochs()
    {
        var tokenizer = TextTokenizer.Load("cl100k");
        var data = Dataset.From(DatasetFormat.Chat, Enumerable.Range(0, 10).Select(_ => (object)new { messages = new[]
        {
            new { role = "user", content = "What is two plus two?" }, new { role = "assistant", content = "Four." },
        } }));

        var report = ChatDataValidator.Validate(data, maxTokens: 10);

        int expected = 3 + 2 * 3 + tokenizer.CountTokens("user") + tokenizer.CountTokens("What is two plus two?") + tokenizer.CountTokens("assistant") + tokenizer.CountTokens("Four.");
        Assert.True(report.IsValid);
        Assert.All(report.Examples, e => Assert.Equal(expected, e.Tokens));
        Assert.All(report.Examples, e => Assert.Equal(tokenizer.CountTokens("Four."), e.AssistantTokens));
        Assert.Equal(10, report.OverTokenLimit.Count);
        Assert.Equal(10, report.Epochs); // 10 examples x 3 epochs < 100, so the cookbook raises it to 100 / 10
        Assert.Equal(10L * 10 * 10, report.BilledTokens);
        Assert.Equal(10, report.MissingSystem);
    }

    [Fact]
    public void Only_chat_datasets_are_validated()
    {
        var data = Dataset.From(DatasetFormat.Text, [new { text = "plain" }]);

        var error = Assert.Throws<InvalidOperationException>(() => ChatDataValidator.Validate(data));

        Assert.Contains("export it with ExportFormat.Chat first", error.Message);
    }
}
