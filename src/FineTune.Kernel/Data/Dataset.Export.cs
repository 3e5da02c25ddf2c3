using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Kernel.IO;

namespace FineTune.Kernel.Data;

public sealed partial class Dataset
{
    static readonly JsonSerializerOptions JsonLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes the rows to <paramref name="path"/> as JSON Lines in <paramref name="format"/>, atomically
    /// (a reader sees the old file or the whole new one). Conversions: instruction, prompt/completion,
    /// single-exchange chat and preference rows (the chosen answer) go to every layout; labelled text
    /// needs an <paramref name="instruction"/> (the text becomes the input, the label the output). A row
    /// that cannot be converted throws, naming it, and nothing is written.
    /// </summary>
    public ExportedFile Export(string path, ExportFormat format = ExportFormat.Records, string? instruction = null)
    {
        var lines = Rows.Select(row => Line(row, format, instruction).ToJsonString(JsonLine)).ToList();
        AtomicFile.WriteAllText(path, lines.Count == 0 ? "" : string.Join("\n", lines) + "\n");
        return new ExportedFile(path, lines.Count, format);
    }

    JsonObject Line(DataRow row, ExportFormat format, string? instruction)
    {
        if (format == ExportFormat.Records) return (JsonObject)row.Fields.DeepClone();
        var exchange = Exchange.Of(row, Schema, instruction, Name, PositionName);
        if (format == ExportFormat.Chat)
        {
            var messages = new JsonArray();
            foreach (var turn in exchange.Turns) messages.Add(new JsonObject { ["role"] = turn.Role, ["content"] = turn.Content });
            return new JsonObject { ["messages"] = messages };
        }
        exchange = exchange.Single(row, Name, PositionName);
        return format == ExportFormat.Alpaca
            ? new JsonObject { ["instruction"] = exchange.Instruction, ["input"] = exchange.Input, ["output"] = exchange.Response }
            : new JsonObject { ["prompt"] = exchange.Prompt, ["completion"] = exchange.Response };
    }
}
