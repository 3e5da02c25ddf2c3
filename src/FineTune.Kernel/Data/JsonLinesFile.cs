using System.Text.Json;
using System.Text.Json.Nodes;

namespace FineTune.Kernel.Data;

/// <summary>JSON Lines: one JSON object per line; blank lines are skipped and counted.</summary>
static class JsonLinesFile
{
    public static SourceFile Read(string path)
    {
        var (lines, bom) = Utf8Lines.Read(path);
        return FromLines(lines, bom);
    }

    internal static SourceFile FromLines(IReadOnlyList<Utf8Lines.Line> lines, bool bom)
    {
        var records = new List<SourceRecord>(lines.Count);
        int blank = 0;
        foreach (var line in lines)
        {
            if (line.Problem is not null) records.Add(SourceRecord.Bad(line.Number, line.Problem));
            else if (string.IsNullOrWhiteSpace(line.Text)) blank++;
            else records.Add(Parse(line.Number, line.Text));
        }
        return new SourceFile("JSON Lines", "line", records, blank, bom);
    }

    static SourceRecord Parse(int number, string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject record
                ? new SourceRecord(number, record, null)
                : SourceRecord.Bad(number, $"not a JSON object (expected {{...}}, found {Kind(text)})");
        }
        catch (JsonException e)
        {
            return SourceRecord.Bad(number, $"invalid JSON ({Detail(e)})");
        }
    }

    static string Kind(string text) => text.TrimStart() switch
    {
        ['[', ..] => "an array",
        ['"', ..] => "a string",
        "null" => "null",
        _ => "a number or boolean",
    };

    /// <summary>The parser's message without its "LineNumber: 0 | BytePositionInLine" tail, plus the column.</summary>
    internal static string Detail(JsonException e)
    {
        string message = e.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string reason = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return e.BytePositionInLine is long column ? $"{reason}, at column {column + 1}" : reason;
    }
}
