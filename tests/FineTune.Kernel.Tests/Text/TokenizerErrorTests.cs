using FineTune.Kernel.Tests.Support;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Tests.Text;

/// <summary>Bad or unsupported tokenizer files fail with the file, the place and what was expected.</summary>
public class TokenizerErrorTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_folder_without_tokenizer_files_names_what_was_looked_for_and_what_is_there()
    {
        File.WriteAllText(folder.File("config.json"), "{}");

        var error = Assert.Throws<FileNotFoundException>(() => TextTokenizer.Load(folder.Path));

        Assert.Contains(folder.Path, error.Message);
        Assert.Contains("tokenizer.json, vocab.json + merges.txt, or tokenizer.model", error.Message);
        Assert.Contains("config.json", error.Message);
    }

    [Fact]
    public void A_name_that_is_neither_a_folder_nor_a_preset_lists_the_presets()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => TextTokenizer.Load("no-such-model"));

        Assert.Contains("no-such-model", error.Message);
        Assert.Contains("o200k", error.Message);
    }

    [Fact]
    public void An_unsupported_component_names_the_file_its_type_and_where_it_is()
    {
        TinyTokenizerFolder.WriteTokenizerJson(folder.Path);
        string file = folder.File("tokenizer.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"pre_tokenizer\":{\"type\":\"ByteLevel\"", "\"pre_tokenizer\":{\"type\":\"UnicodeScripts\""));

        var error = Assert.Throws<NotSupportedException>(() => TextTokenizer.Load(folder.Path));

        Assert.Contains(file, error.Message);
        Assert.Contains("pre_tokenizer type 'UnicodeScripts' is not supported", error.Message);
        Assert.Contains("$.pre_tokenizer", error.Message);
    }

    [Fact]
    public void An_unsupported_model_type_names_the_kind_and_the_file()
    {
        File.WriteAllText(folder.File("tokenizer.json"), """{"model": {"type": "WordLevel", "vocab": {"a": 0}, "unk_token": "a"}}""");

        var error = Assert.Throws<NotSupportedException>(() => TextTokenizer.Load(folder.Path));

        Assert.Contains(folder.File("tokenizer.json"), error.Message);
        Assert.Contains("model type 'WordLevel' is not supported", error.Message);
    }

    [Fact]
    public void A_broken_merges_line_names_the_file_and_the_line()
    {
        TinyTokenizerFolder.WriteVocabAndMerges(folder.Path);
        File.WriteAllLines(folder.File("merges.txt"), ["#version: 0.2", "Ġ t", "h e x"]);

        var error = Assert.Throws<InvalidDataException>(() => TextTokenizer.Load(folder.Path));

        Assert.Contains(folder.File("merges.txt"), error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Invalid_json_names_the_file_and_the_line()
    {
        TinyTokenizerFolder.WriteTokenizerJson(folder.Path);
        File.WriteAllText(folder.File("tokenizer_config.json"), "{\n  \"bos_token\": \"<s>\",\n  oops\n}");

        var error = Assert.Throws<InvalidDataException>(() => TextTokenizer.Load(folder.Path));

        Assert.Contains(folder.File("tokenizer_config.json"), error.Message);
        Assert.Contains("line 3", error.Message);
    }
}
