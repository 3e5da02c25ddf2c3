using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Kernel.Text;

namespace FineTune.Kernel.Data;

/// <summary>
/// One record of a <see cref="Dataset"/>: its fields under the format's canonical names (then any other
/// fields the file had), and where it came from in the file.
/// </summary>
public sealed class DataRow
{
    internal DataRow(int position, JsonObject fields)
    {
        Position = position;
        Fields = fields;
    }

    /// <summary>Where the record is in its file, counted from 1: the line (JSONL, CSV), the item (JSON array) or the row (Parquet).</summary>
    public int Position { get; }

    /// <summary>The field names, canonical ones first.</summary>
    public IReadOnlyList<string> FieldNames => Fields.Select(f => f.Key).ToList();

    /// <summary>
    /// A field as text: a string as it is, a number as written, a list or object as JSON, and "" when the
    /// record has no such field or it is null.
    /// </summary>
    public string this[string field] => TextOf(Fields.TryGetPropertyValue(field, out var node) ? node : null);

    /// <summary>Whether the record has <paramref name="field"/> (with any value, null included).</summary>
    public bool Has(string field) => Fields.ContainsKey(field);

    /// <summary>
    /// The chat turns of a chat or ShareGPT record (ShareGPT's human/gpt become user/assistant); turns
    /// that are not objects with a string content are left out here (<see cref="ChatDataValidator"/> reports them).
    /// </summary>
    public IReadOnlyList<ChatMessage> Messages => ChatTurns.Read(this);

    internal JsonObject Fields { get; }

    internal JsonNode? Node(string field) => Fields.TryGetPropertyValue(field, out var node) ? node : null;

    /// <summary>A copy at the same position with <paramref name="change"/> applied to its fields.</summary>
    internal DataRow With(Action<JsonObject> change)
    {
        var copy = (JsonObject)Fields.DeepClone();
        change(copy);
        return new DataRow(Position, copy);
    }

    internal static string TextOf(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>"line 12: text = ..., label = ...".</summary>
    public override string ToString() => $"#{Position}: " + string.Join(", ", Fields.Select(f => $"{f.Key} = {TextOf(f.Value)}"));
}
