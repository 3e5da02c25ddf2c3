using System.Text;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Data;

/// <summary>Writes small data files for the tests, line by line, exactly as given.</summary>
static class DataFiles
{
    public static string Lines(TempFolder folder, string name, params string[] lines)
    {
        string path = folder.File(name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    public static string Bytes(TempFolder folder, string name, byte[] content)
    {
        string path = folder.File(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A labelled-text dataset made in code, one row per (text, label).</summary>
    public static FineTune.Kernel.Data.Dataset LabelledDataset(IEnumerable<(string Text, string Label)> rows) =>
        FineTune.Kernel.Data.Dataset.From(FineTune.Kernel.Data.DatasetFormat.LabelledText, rows.Select(r => (object)new { text = r.Text, label = r.Label }));

    /// <summary>A labelled-text JSONL line.</summary>
    public static string Labelled(string text, string label) =>
        System.Text.Json.JsonSerializer.Serialize(new { text, label });
}
