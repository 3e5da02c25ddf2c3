using System.Text.Json.Nodes;
using FineTune.Notebooks.Session;

namespace FineTune.Notebooks.Files;

/// <summary>Cell outputs in nbformat 4.5's JSON shapes (multi-line strings as arrays of lines).</summary>
static class Nbformat
{
    public static JsonNode ToJson(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["output_type"] = "stream", ["name"] = s.Name, ["text"] = Lines(s.Text) },
        DisplayOutput d => new JsonObject { ["output_type"] = "display_data", ["data"] = Bundle(d.Data), ["metadata"] = new JsonObject() },
        ResultOutput r => new JsonObject
        {
            ["output_type"] = "execute_result", ["execution_count"] = r.ExecutionCount,
            ["data"] = Bundle(r.Data), ["metadata"] = new JsonObject(),
        },
        ErrorOutput e => new JsonObject
        {
            ["output_type"] = "error", ["ename"] = e.Name, ["evalue"] = e.Message,
            ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
        },
        _ => throw new ArgumentException($"unknown output {output.GetType().Name}", nameof(output)),
    };

    static JsonObject Bundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, text) in data) bundle[mime] = Lines(text);
        return bundle;
    }

    /// <summary>Splits text into lines that keep their "\n", as Jupyter stores it.</summary>
    static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }
}
