using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FineTune.Kernel.Tests.Support;

/// <summary>
/// Validates JSON against a JSON Schema (draft 4), implementing the keywords the nbformat schema uses:
/// $ref (local, nested paths such as #/definitions/misc/source), type, enum, required, properties,
/// additionalProperties, patternProperties, items, oneOf, not, minimum, maximum, minLength, maxLength,
/// pattern, uniqueItems. An unknown keyword fails loudly rather than passing silently.
/// </summary>
sealed class JsonSchemaValidator(JsonObject schema)
{
    static readonly HashSet<string> Ignored = ["$schema", "description", "title", "default", "definitions", "item", "source_hidden", "outputs_hidden"];

    public static JsonSchemaValidator Load(string path) => new((JsonObject)JsonNode.Parse(File.ReadAllText(path))!);

    /// <summary>Every violation, each as "path: what is wrong"; empty when the document is valid.</summary>
    public List<string> Validate(JsonNode? document)
    {
        var errors = new List<string>();
        Check(document, schema, "$", errors);
        return errors;
    }

    void Check(JsonNode? value, JsonObject rule, string path, List<string> errors)
    {
        foreach (var (keyword, node) in rule)
        {
            JsonNode argument = node ?? throw new InvalidOperationException($"schema keyword {keyword} at {path} is null");
            switch (keyword)
            {
                case "$ref": Check(value, Resolve(argument!.GetValue<string>()), path, errors); break;
                case "type": if (!HasType(value, argument!)) errors.Add($"{path}: expected type {argument.ToJsonString()}"); break;
                case "enum": if (!((JsonArray)argument!).Any(a => JsonNode.DeepEquals(a, value))) errors.Add($"{path}: {value?.ToJsonString()} is not one of {argument.ToJsonString()}"); break;
                case "required":
                    if (value is JsonObject required)
                        foreach (var name in (JsonArray)argument!)
                            if (!required.ContainsKey(name!.GetValue<string>())) errors.Add($"{path}: missing required \"{name}\"");
                    break;
                case "properties" or "additionalProperties" or "patternProperties":
                    if (keyword == "properties" && value is JsonObject obj) CheckProperties(obj, rule, path, errors);
                    break;
                case "items":
                    if (value is JsonArray array)
                        for (int i = 0; i < array.Count; i++) Check(array[i], (JsonObject)argument!, $"{path}[{i}]", errors);
                    break;
                case "oneOf":
                    {
                        var branches = ((JsonArray)argument!).Select(b => { var e = new List<string>(); Check(value, (JsonObject)b!, path, e); return e; }).ToList();
                        int passing = branches.Count(b => b.Count == 0);
                        if (passing != 1)
                            errors.Add($"{path}: matches {passing} of the oneOf branches, not exactly 1 ({string.Join(" | ", branches.Where(b => b.Count > 0).Select(b => b[0]))})");
                        break;
                    }
                case "not":
                    {
                        var inner = new List<string>();
                        Check(value, (JsonObject)argument!, path, inner);
                        if (inner.Count == 0) errors.Add($"{path}: must not match {argument.ToJsonString()}");
                        break;
                    }
                case "minimum": if (value is JsonValue min && min.TryGetValue(out double low) && low < argument!.GetValue<double>()) errors.Add($"{path}: below minimum {argument}"); break;
                case "maximum": if (value is JsonValue max && max.TryGetValue(out double high) && high > argument!.GetValue<double>()) errors.Add($"{path}: above maximum {argument}"); break;
                case "minLength": if (value is JsonValue s1 && s1.TryGetValue(out string? a) && a.Length < argument!.GetValue<int>()) errors.Add($"{path}: shorter than {argument}"); break;
                case "maxLength": if (value is JsonValue s2 && s2.TryGetValue(out string? b) && b.Length > argument!.GetValue<int>()) errors.Add($"{path}: longer than {argument}"); break;
                case "pattern": if (value is JsonValue s3 && s3.TryGetValue(out string? c) && !Regex.IsMatch(c, argument!.GetValue<string>())) errors.Add($"{path}: \"{c}\" does not match {argument}"); break;
                case "uniqueItems":
                    if (value is JsonArray items && argument!.GetValue<bool>() && items.Select(i => i?.ToJsonString()).Distinct().Count() != items.Count) errors.Add($"{path}: items are not unique");
                    break;
                default:
                    if (!Ignored.Contains(keyword)) throw new NotSupportedException($"schema keyword \"{keyword}\" at {path} is not implemented by this validator");
                    break;
            }
        }
        if (!rule.ContainsKey("properties") && value is JsonObject other && (rule.ContainsKey("additionalProperties") || rule.ContainsKey("patternProperties")))
            CheckProperties(other, rule, path, errors);
    }

    void CheckProperties(JsonObject value, JsonObject rule, string path, List<string> errors)
    {
        var properties = rule["properties"] as JsonObject;
        var patterns = rule["patternProperties"] as JsonObject;
        foreach (var (name, child) in value)
        {
            bool matched = false;
            if (properties?[name] is JsonObject propertyRule) { Check(child, propertyRule, $"{path}.{name}", errors); matched = true; }
            foreach (var (pattern, patternRule) in patterns ?? [])
                if (Regex.IsMatch(name, pattern)) { Check(child, (JsonObject)patternRule!, $"{path}.{name}", errors); matched = true; }
            if (matched) continue;
            switch (rule["additionalProperties"])
            {
                case JsonValue allowed when !allowed.GetValue<bool>(): errors.Add($"{path}: property \"{name}\" is not allowed"); break;
                case JsonObject additional: Check(child, additional, $"{path}.{name}", errors); break;
            }
        }
    }

    JsonObject Resolve(string reference)
    {
        if (!reference.StartsWith("#/")) throw new NotSupportedException($"only local $refs are supported, not {reference}");
        JsonNode? node = schema;
        foreach (var part in reference[2..].Split('/')) node = node?[part.Replace("~1", "/").Replace("~0", "~")];
        return node as JsonObject ?? throw new InvalidOperationException($"$ref {reference} does not resolve");
    }

    static bool HasType(JsonNode? value, JsonNode type) => type is JsonArray any
        ? any.Any(t => HasType(value, t!))
        : type.GetValue<string>() switch
        {
            "object" => value is JsonObject,
            "array" => value is JsonArray,
            "string" => value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String,
            "integer" => value is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number && n.TryGetValue(out double d) && d == Math.Floor(d),
            "number" => value is JsonValue m && m.GetValueKind() == System.Text.Json.JsonValueKind.Number,
            "boolean" => value is JsonValue b && b.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
            "null" => value is null,
            var other => throw new NotSupportedException($"type {other}"),
        };
}
