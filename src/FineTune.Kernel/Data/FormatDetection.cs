using System.Text.Json.Nodes;

namespace FineTune.Kernel.Data;

/// <summary>
/// Which format a file is in, from the fields of its first records: the most specific format whose
/// required fields at least half of them have (see <see cref="FormatSchema.All"/> for the order).
/// </summary>
static class FormatDetection
{
    const int SampleSize = 200;

    public readonly record struct Result(FormatSchema Schema, IReadOnlyDictionary<string, string> Mapping, string Evidence);

    public static Result Detect(string path, IReadOnlyList<JsonObject> records, DatasetFormat? format, IReadOnlyDictionary<string, string>? columns)
    {
        var sample = records.Take(SampleSize).Select(r => (IReadOnlyCollection<string>)r.Select(p => p.Key).ToList()).ToList();
        if (format is { } chosen)
        {
            var schema = FormatSchema.Of(chosen);
            return new Result(schema, MappingFor(schema, sample, columns), "chosen by the caller");
        }
        foreach (var schema in FormatSchema.All)
        {
            int fits = sample.Count(keys => Fits(schema, keys, columns));
            if (fits > 0 && fits * 2 >= sample.Count)
            {
                var mapping = MappingFor(schema, sample, columns);
                string fields = string.Join(" and ", schema.RequiredFields.Select(f => $"'{mapping.GetValueOrDefault(f.Name, f.Name)}'"));
                return new Result(schema, mapping, $"detected: {fields} in {fits} of the first {sample.Count} records");
            }
        }
        string seen = string.Join(", ", sample.SelectMany(k => k).GroupBy(k => k).OrderByDescending(g => g.Count()).Take(8).Select(g => $"'{g.Key}'"));
        string known = string.Join("; ", FormatSchema.All.Select(s => $"{s.Format} ({s.FieldList})"));
        throw new DataFormatException(path, sample.Count == 0
            ? "no records to detect the format from"
            : $"no known format fits the first {sample.Count} records (their fields: {seen}). Known formats: {known}. " +
              "Pass format: and columns: (canonical name -> your field) to say which fields are which.");
    }

    /// <summary>Whether a record with <paramref name="keys"/> has every required field, under the caller's name for it or any of the format's names.</summary>
    static bool Fits(FormatSchema schema, IReadOnlyCollection<string> keys, IReadOnlyDictionary<string, string>? columns) =>
        schema.RequiredFields.All(f => columns is not null && columns.TryGetValue(f.Name, out var mapped) ? keys.Contains(mapped) : f.Names.Any(keys.Contains));

    /// <summary>For each canonical field, the file's name for it: the caller's mapping, else the name (or alias) most records use.</summary>
    static IReadOnlyDictionary<string, string> MappingFor(FormatSchema schema, IReadOnlyList<IReadOnlyCollection<string>> sample, IReadOnlyDictionary<string, string>? columns)
    {
        if (columns is not null)
            foreach (var name in columns.Keys)
                if (schema.Fields.All(f => f.Name != name))
                    throw new ArgumentException($"'{name}' is not a field of the {schema.Name} format ({schema.FieldList})", nameof(columns));
        var mapping = new Dictionary<string, string>();
        foreach (var field in schema.Fields)
        {
            if (columns is not null && columns.TryGetValue(field.Name, out var mapped)) mapping[field.Name] = mapped;
            else mapping[field.Name] = field.Names.OrderByDescending(n => sample.Count(keys => keys.Contains(n))).First();
        }
        return mapping;
    }
}
