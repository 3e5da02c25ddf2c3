using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FineTune.Kernel.Training;

/// <summary>
/// Appends one compact JSON object per line to a metrics.jsonl file. Each line is written with one
/// call and flushed, so a run that is killed leaves every finished line readable.
/// </summary>
sealed class MetricsLog(string path)
{
    static readonly JsonSerializerOptions Style = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Path => path;

    public void Append(object row)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.AppendAllText(path, JsonSerializer.Serialize(row, Style) + "\n");
    }
}
