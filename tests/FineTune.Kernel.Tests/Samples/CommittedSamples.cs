using System.Text.Json;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Samples;

/// <summary>The sample files committed in data-samples/, read as the tests need them.</summary>
static class CommittedSamples
{
    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "data-samples");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Every line of a committed JSON Lines file, parsed.</summary>
    public static List<JsonElement> Rows(string name) =>
        File.ReadLines(PathOf(name)).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    public static string Field(this JsonElement row, string name) => row.GetProperty(name).GetString()!;
}
