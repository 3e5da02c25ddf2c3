using System.CommandLine;
using System.Text.Json;
using FineTune.Kernel.Models;
using static TorchSharp.torch;

namespace FineTune.Cli.Commands;

/// <summary>The options every model command shares (--model, --dtype, --device, --json) and how their errors are reported.</summary>
sealed class ModelArguments
{
    public Option<string> Model { get; } = new("--model") { Description = "Hugging Face model folder (config.json, model.safetensors, tokenizer files)", Required = true };

    public Option<string> DType { get; } = new("--dtype") { Description = "float32, bfloat16 or float16", DefaultValueFactory = _ => "float32" };

    public Option<string> Device { get; } = new("--device") { Description = "cpu, cuda, cuda:N or auto", DefaultValueFactory = _ => "cpu" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON" };

    public static readonly JsonSerializerOptions JsonStyle = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public void AddTo(Command command)
    {
        command.Options.Add(Model);
        command.Options.Add(DType);
        command.Options.Add(Device);
        command.Options.Add(Json);
    }

    public CausalLM Load(ParseResult parse)
    {
        var dtype = ParseDType("--dtype", parse.GetValue(DType)!, allowFloat16: true);
        return CausalLM.Load(parse.GetValue(Model)!, dtype, parse.GetValue(Device)!);
    }

    /// <summary>A dtype option's value: fp32/float32, bf16/bfloat16 and (where allowed) fp16/float16.</summary>
    public static ScalarType ParseDType(string option, string value, bool allowFloat16) => value switch
    {
        "float32" or "fp32" => ScalarType.Float32,
        "bfloat16" or "bf16" => ScalarType.BFloat16,
        "float16" or "fp16" when allowFloat16 => ScalarType.Float16,
        _ => throw new ArgumentException($"{option} '{value}' is not one of float32, bfloat16{(allowFloat16 ? ", float16" : "")}"),
    };

    /// <summary>Runs <paramref name="body"/>; a bad model, file or argument prints one line to stderr and exits with 1.</summary>
    public static int Run(ParseResult parse, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is IOException or FormatException or ArgumentException or InvalidOperationException or JsonException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
