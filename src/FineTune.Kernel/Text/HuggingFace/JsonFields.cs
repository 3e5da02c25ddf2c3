using System.Text.Json;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>Reads optional fields of Hugging Face JSON files, with errors that name the file and the field.</summary>
readonly struct JsonFields(JsonElement element, string file, string path)
{
    public JsonElement Element => element;
    public string File => file;
    public string Path => path;

    public bool Has(string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public JsonFields this[string name] => Has(name)
        ? new JsonFields(element.GetProperty(name), file, $"{path}.{name}")
        : throw Error($"'{path}.{name}' is missing");

    public JsonFields? Optional(string name) => Has(name) ? this[name] : null;

    public string String(string name) => this[name].AsString();

    public string? StringOrNull(string name) => Has(name) ? String(name) : null;

    public bool Bool(string name, bool fallback) => Has(name) ? this[name].AsBool() : fallback;

    public int Int(string name, int fallback) => Has(name) ? this[name].AsInt() : fallback;

    public string AsString() => element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Error($"'{path}' should be a string");

    public bool AsBool() => element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean() : throw Error($"'{path}' should be true or false");

    public int AsInt() => element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int v) ? v : throw Error($"'{path}' should be an integer");

    public double AsDouble() => element.ValueKind == JsonValueKind.Number ? element.GetDouble() : throw Error($"'{path}' should be a number");

    public IEnumerable<JsonFields> Items()
    {
        if (element.ValueKind != JsonValueKind.Array) throw Error($"'{path}' should be an array");
        int i = 0;
        foreach (var item in element.EnumerateArray()) yield return new JsonFields(item, file, $"{path}[{i++}]");
    }

    public IEnumerable<(string Name, JsonFields Value)> Properties()
    {
        if (element.ValueKind != JsonValueKind.Object) throw Error($"'{path}' should be an object");
        foreach (var p in element.EnumerateObject()) yield return (p.Name, new JsonFields(p.Value, file, $"{path}.{p.Name}"));
    }

    public InvalidDataException Error(string what) => new($"{file}: {what}.");

    public NotSupportedException Unsupported(string what) => new($"{file}: {what} ('{path}').");

    /// <summary>Opens a JSON file, naming it and the line in the error when it is not valid JSON.</summary>
    public static JsonFields Open(string file)
    {
        try
        {
            var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(file),
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return new JsonFields(document.RootElement, file, "$");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }
    }
}
