using System.Text.Json.Nodes;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Data;

/// <summary>data-samples/messy.jsonl and what its generator planted in it (messy.truth.json).</summary>
static class MessySample
{
    public static string File => Path.Combine(RepoPaths.Root, "data-samples", "messy.jsonl");

    public static JsonObject Truth { get; } = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(RepoPaths.Root, "data-samples", "messy.truth.json")))!.AsObject();

    public static IReadOnlyList<string> ReviewTerms => Truth["reviewTerms"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();

    public static IEnumerable<JsonObject> Items(string key) => Truth[key]!.AsArray().Select(n => n!.AsObject());

    public static IEnumerable<int> Lines(string key) => Truth[key]!.AsArray().Select(n => n is JsonObject o ? o["line"]!.GetValue<int>() : n!.GetValue<int>());

    public static IEnumerable<(int Line, int Of)> Pairs(string key) => Items(key).Select(o => (o["line"]!.GetValue<int>(), o["of"]!.GetValue<int>()));

    public static IEnumerable<(int Line, string Match)> Pii(string kind) =>
        Truth["pii"]![kind]!.AsArray().Select(n => (n!["line"]!.GetValue<int>(), n["match"]!.GetValue<string>()));
}
