using System.Text;
using FineTune.Kernel.Data;
using FineTune.Kernel.Tests.Support;
using Parquet.Serialization;

namespace FineTune.Kernel.Tests.Data;

public class DataLoadingTests
{
    [Theory]
    [InlineData("""{"instruction": "Add.", "input": "2 + 2", "output": "4"}""", DatasetFormat.Instruction)]
    [InlineData("""{"instruction": "Say hi.", "output": "hi"}""", DatasetFormat.Instruction)]
    [InlineData("""{"prompt": "2 + 2 =", "completion": " 4"}""", DatasetFormat.PromptCompletion)]
    [InlineData("""{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}""", DatasetFormat.Chat)]
    [InlineData("""{"conversations": [{"from": "human", "value": "hi"}, {"from": "gpt", "value": "hello"}]}""", DatasetFormat.ShareGpt)]
    [InlineData("""{"text": "Once upon a time."}""", DatasetFormat.Text)]
    [InlineData("""{"text": "Great film!", "label": "positive"}""", DatasetFormat.LabelledText)]
    [InlineData("""{"prompt": "2 + 2?", "chosen": "4", "rejected": "5"}""", DatasetFormat.Preference)]
    public void The_format_is_detected_from_the_fields(string line, DatasetFormat expected)
    {
        using var folder = new TempFolder();
        var data = Dataset.Load(DataFiles.Lines(folder, "data.jsonl", line, line));

        Assert.Equal(expected, data.Format);
        Assert.Contains("detected", data.LoadReport!.FormatEvidence);
    }

    [Fact]
    public void Common_other_names_map_to_the_canonical_fields()
    {
        using var folder = new TempFolder();
        var data = Dataset.Load(DataFiles.Lines(folder, "dolly.jsonl", """{"instruction": "Name a colour.", "context": "", "response": "red", "category": "open_qa"}"""));

        Assert.Equal(DatasetFormat.Instruction, data.Format);
        Assert.Equal("red", data.Rows[0]["output"]);
        Assert.Equal("open_qa", data.Rows[0]["category"]);
        Assert.Equal("response", data.LoadReport!.ColumnMapping["output"]);
    }

    [Fact]
    public void The_user_can_choose_the_format_and_map_fields_by_name()
    {
        using var folder = new TempFolder();
        string path = DataFiles.Lines(folder, "qa.jsonl", """{"question": "2 + 2?", "answer": "4"}""");

        var data = Dataset.Load(path, DatasetFormat.PromptCompletion, new Dictionary<string, string> { ["prompt"] = "question", ["completion"] = "answer" });

        Assert.Equal(DatasetFormat.PromptCompletion, data.Format);
        Assert.Equal(["prompt", "completion"], data.Columns);
        Assert.Equal("4", data.Rows[0]["completion"]);
        Assert.Equal("chosen by the caller", data.LoadReport!.FormatEvidence);
    }

    [Fact]
    public void A_file_no_format_fits_is_refused_with_its_fields_and_the_known_formats()
    {
        using var folder = new TempFolder();
        string path = DataFiles.Lines(folder, "odd.jsonl", """{"question": "2 + 2?", "answer": "4"}""");

        var error = Assert.Throws<DataFormatException>(() => Dataset.Load(path));

        Assert.Contains("odd.jsonl", error.Message);
        Assert.Contains("'question'", error.Message);
        Assert.Contains("Instruction (instruction, input?, output)", error.Message);
    }

    [Fact]
    public void Lenient_loading_skips_bad_records_and_lists_each_with_its_line_and_reason()
    {
        using var folder = new TempFolder();
        var lines = new List<byte[]>
        {
            Encoding.UTF8.GetBytes(DataFiles.Labelled("a fine day", "weather")),
            Encoding.UTF8.GetBytes("""{"text": "cut off", "label": """),
            Encoding.UTF8.GetBytes("""["not", "an", "object"]"""),
            (byte[])[.. Encoding.UTF8.GetBytes("""{"text": "bad """), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("""bytes", "label": "food"}""")],
            Array.Empty<byte>(),
            Encoding.UTF8.GetBytes("""{"text": "no label here"}"""),
            Encoding.UTF8.GetBytes("""{"text": 42, "label": "sports"}"""),
            Encoding.UTF8.GetBytes(DataFiles.Labelled("soup for lunch", "food")),
        };
        string path = DataFiles.Bytes(folder, "messy.jsonl", [.. lines.SelectMany(l => l.Append((byte)'\n'))]);

        var data = Dataset.Load(path);
        var report = data.LoadReport!;

        Assert.Equal([1, 8], data.Rows.Select(r => r.Position));
        Assert.Equal(1, report.BlankLines);
        Assert.Equal(report.RecordsRead, report.RowsLoaded + report.Skipped.Count);
        Assert.Equal([2, 3, 4, 6, 7], report.Skipped.Select(p => p.Position));
        Assert.StartsWith("invalid JSON", report.Skipped[0].Reason);
        Assert.StartsWith("not a JSON object", report.Skipped[1].Reason);
        Assert.StartsWith("invalid UTF-8 (byte 0xFF at column 15)", report.Skipped[2].Reason);
        Assert.Equal(("label", "missing"), (report.Skipped[3].Field, report.Skipped[3].Reason));
        Assert.Equal(("text", "is a number, expected a string"), (report.Skipped[4].Field, report.Skipped[4].Reason));
        Assert.Contains("line 6: field 'label': missing", report.ToString());
    }

    [Fact]
    public void Strict_loading_stops_at_the_first_bad_record_naming_file_line_field_and_reason()
    {
        using var folder = new TempFolder();
        string path = DataFiles.Lines(folder, "labels.jsonl", DataFiles.Labelled("ok", "a"), """{"text": "no label"}""", "{broken");

        var error = Assert.Throws<DataFormatException>(() => Dataset.Load(path, strict: true));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(new DataProblem(2, "label", "missing"), error.Problem);
        Assert.Equal($"{path}: line 2: field 'label': missing", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_noted()
    {
        using var folder = new TempFolder();
        string path = DataFiles.Bytes(folder, "bom.jsonl", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(DataFiles.Labelled("héllo", "x") + "\n")]);

        var data = Dataset.Load(path);

        Assert.Equal("héllo", data.Rows[0]["text"]);
        Assert.True(data.LoadReport!.HadByteOrderMark);
    }

    [Fact]
    public void A_json_file_may_hold_an_array_an_object_around_an_array_or_json_lines()
    {
        using var folder = new TempFolder();
        string array = DataFiles.Lines(folder, "array.json", """[{"text": "one"}, {"text": "two"}, 3]""");
        string wrapped = DataFiles.Lines(folder, "wrapped.json", """{"data": [{"text": "one"}, {"text": "two"}]}""");
        string lines = DataFiles.Lines(folder, "lines.json", """{"text": "one"}""", """{"text": "two"}""");

        var fromArray = Dataset.Load(array);

        Assert.Equal(["one", "two"], fromArray.Rows.Select(r => r["text"]));
        Assert.Equal(new DataProblem(3, null, "not a JSON object (found number)"), fromArray.LoadReport!.Skipped.Single());
        Assert.Equal("item", fromArray.PositionName);
        Assert.Equal(2, Dataset.Load(wrapped).Count);
        Assert.Equal("line", Dataset.Load(lines).PositionName);
    }

    [Fact]
    public void Csv_and_tsv_files_read_quoted_fields_and_report_rows_whose_field_count_is_wrong()
    {
        using var folder = new TempFolder();
        string csv = DataFiles.Lines(folder, "reviews.csv", "text,label", "\"Loved it, really\",positive", "\"Two\nlines\",negative", "too,many,fields", "fine,neutral");
        string tsv = DataFiles.Lines(folder, "reviews.tsv", "text\tlabel", "tab separated\tpositive");

        var data = Dataset.Load(csv);

        Assert.Equal(DatasetFormat.LabelledText, data.Format);
        Assert.Equal(["Loved it, really", "Two\nlines", "fine"], data.Rows.Select(r => r["text"]));
        Assert.Equal([2, 3, 6], data.Rows.Select(r => r.Position));
        Assert.Equal(new DataProblem(5, null, "has 3 fields, the header has 2"), data.LoadReport!.Skipped.Single());
        Assert.Equal("tab separated", Dataset.Load(tsv).Rows[0]["text"]);
    }

    public sealed class ParquetRow
    {
        public string Instruction { get; set; } = "";
        public string Output { get; set; } = "";
    }

    [Fact]
    public async Task A_parquet_file_loads_with_its_columns()
    {
        using var folder = new TempFolder();
        string path = folder.File("data.parquet");
        var rows = new[] { new ParquetRow { Instruction = "Add.", Output = "4" }, new ParquetRow { Instruction = "Sub.", Output = "0" } };
        await ParquetSerializer.SerializeAsync(rows, path);

        var data = Dataset.Load(path, DatasetFormat.Instruction, new Dictionary<string, string> { ["instruction"] = "Instruction", ["output"] = "Output" });

        Assert.Equal(["4", "0"], data.Rows.Select(r => r["output"]));
        Assert.Equal("row", data.PositionName);
        Assert.Equal("Parquet", data.LoadReport!.FileKind);
    }

    [Fact]
    public void An_unknown_file_kind_is_refused_with_the_kinds_that_are_supported()
    {
        using var folder = new TempFolder();
        string path = DataFiles.Lines(folder, "data.xml", "<rows/>");

        var error = Assert.Throws<DataFormatException>(() => Dataset.Load(path));

        Assert.Contains(".jsonl, .ndjson, .json, .csv, .tsv, .parquet", error.Message);
    }

    [Fact]
    public void The_dataframe_view_has_the_position_and_every_field()
    {
        using var folder = new TempFolder();
        var data = Dataset.Load(DataFiles.Lines(folder, "d.jsonl", DataFiles.Labelled("a", "x"), """{"text": "b", "label": "y", "source": "web"}"""));

        var frame = data.ToDataFrame();

        Assert.Equal(["line", "text", "label", "source"], frame.Columns.Select(c => c.Name));
        Assert.Equal(2, frame.Rows.Count);
        Assert.Null(frame["source"][0]);
        Assert.Equal("web", frame["source"][1]);
    }

    [Fact]
    public void Records_made_in_code_become_a_dataset_and_a_bad_one_is_named()
    {
        var data = Dataset.From(DatasetFormat.LabelledText, [new { text = "hi", label = "greeting" }, new { text = "bye", label = 0 }]);

        Assert.Equal(["greeting", "0"], data.Rows.Select(r => r["label"]));
        var error = Assert.Throws<DataFormatException>(() => Dataset.From(DatasetFormat.LabelledText, [new { text = "hi" }]));
        Assert.Contains("item 1: field 'label': missing", error.Message);
    }
}
