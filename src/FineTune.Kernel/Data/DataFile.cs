namespace FineTune.Kernel.Data;

/// <summary>Picks the reader for a data file by its extension.</summary>
static class DataFile
{
    public static readonly IReadOnlyList<string> Extensions = [".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".parquet"];

    public static SourceFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"data file not found: {path}", path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" => JsonLinesFile.Read(path),
            ".json" => JsonArrayFile.Read(path),
            ".csv" => DelimitedFile.Read(path, ','),
            ".tsv" => DelimitedFile.Read(path, '\t'),
            ".parquet" => ParquetDataFile.Read(path),
            var other => throw new DataFormatException(path, $"unknown data file kind '{other}' (expected one of {string.Join(", ", Extensions)})"),
        };
    }
}
