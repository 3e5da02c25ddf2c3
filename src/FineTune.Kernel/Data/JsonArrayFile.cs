using System.Text.Json;
using System.Text.Json.Nodes;

namespace FineTune.Kernel.Data;

/// <summary>
/// A .json file: an array of objects, an object holding one such array (<c>{"data": [...]}</c>), or, as
/// Hugging Face datasets also accept, JSON Lines under a .json name.
/// </summary>
static class JsonArrayFile
{
    public static SourceFile Read(string path)
    {
        var (lines, bom) = Utf8Lines.Read(path);
        if (lines.FirstOrDefault(l => l.Problem is not null) is { Problem: not null } bad)
            throw new DataFormatException(path, $"line {bad.Number}: {bad.Problem}; a JSON file must be valid UTF-8 throughout");
        string text = string.Join('\n', lines.Select(l => l.Text));
        string start = text.TrimStart();
        if (start.StartsWith('{') && !IsSingleDocument(text)) return JsonLinesFile.FromLines(lines, bom);

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, $"line {e.LineNumber + 1}: invalid JSON ({JsonLinesFile.Detail(e)})", e);
        }
        var items = root switch
        {
            JsonArray array => array,
            JsonObject holder when holder.Count == 1 && holder.First().Value is JsonArray inner => inner,
            _ => throw new DataFormatException(path, "expected a JSON array of records, or an object holding one (such as {\"data\": [...]})"),
        };
        var records = new List<SourceRecord>(items.Count);
        for (int i = 0; i < items.Count; i++)
            records.Add(items[i] is JsonObject record
                ? new SourceRecord(i + 1, (JsonObject)record.DeepClone(), null)
                : SourceRecord.Bad(i + 1, $"not a JSON object (found {items[i]?.GetValueKind().ToString().ToLowerInvariant() ?? "null"})"));
        return new SourceFile("JSON array", "item", records, 0, bom);
    }

    /// <summary>Whether the text is one JSON value (and not several objects, one per line).</summary>
    static bool IsSingleDocument(string text)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowTrailingCommas = true, AllowMultipleValues = true });
        try
        {
            if (!reader.Read()) return true;
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return true; // let the full parse report where it breaks
        }
    }
}
