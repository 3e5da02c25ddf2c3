using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet.Serialization;

namespace FineTune.Kernel.Data;

/// <summary>A Parquet file, read with Parquet.Net: every row becomes a record; lists and structs (chat turns) keep their shape.</summary>
static class ParquetDataFile
{
    public static SourceFile Read(string path)
    {
        IList<Dictionary<string, object>> rows;
        try
        {
            using var stream = File.OpenRead(path);
            rows = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult().Data;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new DataFormatException(path, $"not a readable Parquet file ({e.Message})", e);
        }
        var records = new List<SourceRecord>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var record = new JsonObject();
            foreach (var (name, value) in rows[i]) record[name] = JsonSerializer.SerializeToNode(value);
            records.Add(new SourceRecord(i + 1, record, null));
        }
        return new SourceFile("Parquet", "row", records, 0, false);
    }
}
