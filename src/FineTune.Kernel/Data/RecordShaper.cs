using System.Text.Json;
using System.Text.Json.Nodes;

namespace FineTune.Kernel.Data;

/// <summary>
/// Turns a parsed record into a <see cref="DataRow"/> of a format: the format's fields under their
/// canonical names (from the file's own names through the column mapping), then the record's other
/// fields; or the problem that stops it (a required field missing or of the wrong kind).
/// </summary>
sealed class RecordShaper(FormatSchema schema, IReadOnlyDictionary<string, string> mapping)
{
    public (DataRow? Row, DataProblem? Problem) Shape(int position, JsonObject record)
    {
        var fields = new JsonObject();
        foreach (var field in schema.Fields)
        {
            string source = mapping.GetValueOrDefault(field.Name, field.Name);
            record.TryGetPropertyValue(source, out var node);
            if (node is null)
            {
                if (field.Required) return (null, new DataProblem(position, source, record.ContainsKey(source) ? "is null" : "missing"));
                fields[field.Name] = "";
                continue;
            }
            var (value, problem) = Check(field, node);
            if (problem is not null) return (null, new DataProblem(position, source, problem));
            fields[field.Name] = value;
        }
        var used = schema.Fields.Select(f => mapping.GetValueOrDefault(f.Name, f.Name)).ToHashSet();
        foreach (var (name, node) in record)
            if (!used.Contains(name)) fields[fields.ContainsKey(name) ? "source_" + name : name] = node?.DeepClone();
        return (new DataRow(position, fields), null);
    }

    static (JsonNode? Value, string? Problem) Check(FormatField field, JsonNode node)
    {
        var kind = node.GetValueKind();
        return field.Kind switch
        {
            FieldKind.String when kind == JsonValueKind.String => (node.DeepClone(), null),
            FieldKind.Label when kind == JsonValueKind.String => (node.DeepClone(), null),
            FieldKind.Label when kind == JsonValueKind.Number => (JsonValue.Create(node.ToJsonString()), null),
            FieldKind.Turns when kind == JsonValueKind.Array => (node.DeepClone(), null),
            FieldKind.String => (null, $"is {Article(kind)}, expected a string"),
            FieldKind.Label => (null, $"is {Article(kind)}, expected a string or number label"),
            _ => (null, $"is {Article(kind)}, expected a list of chat turns"),
        };
    }

    static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.String => "a string",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
