using System.Text.Json;
using FineTune.Kernel.Models;
using FineTune.Kernel.Tests.Models;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Cli;

/// <summary>finetune generate, score and perplexity on a model folder the kit writes itself.</summary>
public class ModelCommandTests
{
    static (int Exit, string Output, string Error) Run(params string[] args) => FinetuneCli.Run(args);

    [Fact]
    public void Generate_prints_the_continuation_as_the_model_produces_it()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);

        var (exit, output, error) = Run("generate", "--model", folder.Path, "--prompt", "the cat", "--max-new-tokens", "6");

        Assert.True(exit == 0, error);
        Assert.Equal(model.Generate("the cat", maxNewTokens: 6).Text + Environment.NewLine, output);
    }

    [Fact]
    public void Generate_with_json_reports_the_tokens_the_reason_and_the_seed()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);

        var (exit, output, _) = Run("generate", "--model", folder.Path, "--prompt", "the", "--max-new-tokens", "5",
            "--temperature", "0.9", "--top-k", "20", "--top-p", "0.9", "--seed", "11", "--json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        var expected = model.Generate("the", new GenerationOptions { MaxNewTokens = 5, Temperature = 0.9, TopK = 20, TopP = 0.9, Seed = 11 });
        Assert.Equal(expected.TokenIds, json.GetProperty("token_ids").EnumerateArray().Select(t => t.GetInt32()));
        Assert.Equal(expected.Text, json.GetProperty("text").GetString());
        Assert.Equal(11, json.GetProperty("seed").GetInt32());
        Assert.Equal(expected.FinishReason.ToString(), json.GetProperty("finish_reason").GetString());
    }

    [Fact]
    public void Score_prints_the_log_likelihood_and_with_json_every_token()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);
        var expected = model.Score("the", " cat sat");

        var (exit, output, _) = Run("score", "--model", folder.Path, "--context", "the", "--continuation", " cat sat");
        var (jsonExit, json, _) = Run("score", "--model", folder.Path, "--context", "the", "--continuation", " cat sat", "--json");

        Assert.Equal(0, exit);
        Assert.Contains($"log-likelihood {expected.LogLikelihood.ToString("F6", System.Globalization.CultureInfo.InvariantCulture)}", output);
        Assert.Equal(0, jsonExit);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(expected.LogLikelihood, root.GetProperty("log_likelihood").GetDouble(), 1e-12);
        Assert.Equal(expected.IsGreedy, root.GetProperty("is_greedy").GetBoolean());
        Assert.Equal(expected.ContinuationTokenIds, root.GetProperty("continuation_token_ids").EnumerateArray().Select(t => t.GetInt32()));
    }

    [Fact]
    public void Perplexity_reads_a_text_file_or_a_jsonl_dataset()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);
        File.WriteAllText(folder.File("valid.txt"), "the cat sat on the mat");
        File.WriteAllLines(folder.File("valid.jsonl"), ["{\"text\": \"the cat\"}", "", "{\"text\": \"sat on the mat\"}"]);

        var (textExit, text, _) = Run("perplexity", "--model", folder.Path, "--data", folder.File("valid.txt"), "--max-length", "8", "--stride", "4", "--json");
        var (jsonlExit, jsonl, _) = Run("perplexity", "--model", folder.Path, "--data", folder.File("valid.jsonl"), "--json");

        Assert.Equal(0, textExit);
        Assert.Equal(model.Perplexity("the cat sat on the mat", 8, 4).Perplexity, JsonDocument.Parse(text).RootElement.GetProperty("perplexity").GetDouble(), 1e-9);
        Assert.Equal(0, jsonlExit);
        Assert.Equal(model.Perplexity(["the cat", "sat on the mat"]).Perplexity, JsonDocument.Parse(jsonl).RootElement.GetProperty("perplexity").GetDouble(), 1e-9);
    }

    [Fact]
    public void Perplexity_of_documents_packs_them_as_pretraining_does()
    {
        using var folder = new TempFolder();
        var model = TinyTextModel.Write(folder.Path);
        File.WriteAllText(folder.File("docs.txt"), "the cat sat\n\nthe dog ran\n\n\nthe end");

        var (exit, output, _) = Run("perplexity", "--model", folder.Path, "--data", folder.File("docs.txt"), "--documents", "--json");

        Assert.Equal(0, exit);
        var packed = FineTune.Kernel.Training.TokenBlocks.Pack(["the cat sat", "the dog ran", "the end"], model.Tokenizer!);
        Assert.Equal(model.Perplexity(packed).Perplexity, JsonDocument.Parse(output).RootElement.GetProperty("perplexity").GetDouble(), 1e-9);
        Assert.NotEqual(model.Perplexity(File.ReadAllText(folder.File("docs.txt"))).Perplexity, model.Perplexity(packed).Perplexity);
    }

    [Fact]
    public void A_bad_dataset_line_is_reported_with_its_file_and_line_number()
    {
        using var folder = new TempFolder();
        TinyTextModel.Write(folder.Path);
        File.WriteAllLines(folder.File("bad.jsonl"), ["{\"text\": \"the cat\"}", "{\"prompt\": \"no text\"}"]);

        var (exit, _, error) = Run("perplexity", "--model", folder.Path, "--data", folder.File("bad.jsonl"));

        Assert.Equal(1, exit);
        Assert.Contains($"{folder.File("bad.jsonl")}:2", error);
        Assert.Contains("'text'", error);
    }

    [Fact]
    public void A_missing_model_folder_is_one_error_line_not_a_stack_trace()
    {
        var (exit, _, error) = Run("generate", "--model", "no/such/model", "--prompt", "hi");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: model folder not found: no/such/model", error);
        Assert.DoesNotContain("   at ", error);
    }
}
