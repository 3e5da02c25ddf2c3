using System.Text.Json.Nodes;
using CsvHelper;

namespace FineTune.Kernel.Data;

/// <summary>
/// CSV and TSV files with a header row, read with CsvHelper (quoted fields may span lines). Every value
/// is a string; a record with more or fewer fields than the header, or with broken quoting, is reported,
/// not guessed at.
/// </summary>
static class DelimitedFile
{
    public static SourceFile Read(string path, char separator)
    {
        var (lines, bom) = Utf8Lines.Read(path);
        var badLines = lines.Where(l => l.Problem is not null).ToDictionary(l => l.Number, l => l.Problem!);
        var malformed = new Dictionary<long, string>();
        var options = new CsvReaderOptions
        {
            Separator = separator,
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed.TryAdd(record.LineNumber, $"malformed record ({Describe(record.Reason)})"),
        };
        using var csv = CsvReader.Create(new StringReader(string.Join('\n', lines.Select(l => l.Text))), options, leaveOpen: false);
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
            throw new DataFormatException(path, "expected a header row with the column names on line 1");
        if (header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw new DataFormatException(path, $"line 1: the header names column '{repeated.Key}' twice");

        var records = new List<SourceRecord>();
        int blank = 0;
        while (csv.Read())
        {
            int line = (int)csv.LineNumber, count = csv.FieldCount;
            if (badLines.TryGetValue(line, out var problem) || malformed.TryGetValue(line, out problem))
                records.Add(SourceRecord.Bad(line, problem));
            else if (count <= 1 && string.IsNullOrWhiteSpace(csv.GetString(0))) blank++;
            else if (count != header.Length)
                records.Add(SourceRecord.Bad(line, $"has {count} field{(count == 1 ? "" : "s")}, the header has {header.Length}"));
            else
            {
                var record = new JsonObject();
                for (int i = 0; i < header.Length; i++) record[header[i]] = csv.GetString(i);
                records.Add(new SourceRecord(line, record, null));
            }
        }
        return new SourceFile(separator == '\t' ? "TSV" : "CSV", "line", records, blank, bom);
    }

    static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed",
        _ => reason.ToString(),
    };
}
