using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FineTune.Samples;

/// <summary>How every sample row is written: compact JSON, camelCase names, apostrophes left readable.</summary>
static class SampleJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>One row as one line of JSON.</summary>
    public static string Line<T>(T row) => JsonSerializer.Serialize(row, Options);

    /// <summary>JSON Lines: one object a line, each ending in "\n".</summary>
    public static string Lines<T>(IEnumerable<T> rows)
    {
        var text = new StringBuilder();
        foreach (T row in rows) text.Append(Line(row)).Append('\n');
        return text.ToString();
    }
}
