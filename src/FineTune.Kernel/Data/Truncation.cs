using FineTune.Kernel.Text;

namespace FineTune.Kernel.Data;

/// <summary>
/// Cuts an example to a token budget by shortening its last part at a token boundary: the longest cut
/// that fits is found by bisection, measuring the whole example each time (so joins between parts are counted).
/// </summary>
sealed class Truncation(TextTokenizer tokenizer, FormatSchema schema, int maxTokens)
{
    public int Shortened { get; private set; }
    public int TokensRemoved { get; private set; }
    public int StillTooLong { get; private set; }

    public DataRow Apply(DataRow row)
    {
        int total = Length(row);
        if (total <= maxTokens) return row;
        var parts = LastParts(row);
        if (parts.Count == 0)
        {
            StillTooLong++;
            return row;
        }
        var tokens = parts.ToDictionary(p => p.Field, p => tokenizer.Tokenize(p.Text, addSpecialTokens: false).Tokens);
        int longest = tokens.Values.Max(t => t.Count);
        DataRow Cut(int keep) => row.With(fields => FieldPaths.Update(fields, parts.Select(p => p.Field),
            (field, text) => keep >= tokens[field].Count ? text : text[..tokens[field][keep].Start]));
        if (Length(Cut(0)) > maxTokens)
        {
            StillTooLong++;
            return row;
        }
        int low = 0, high = longest;
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            if (Length(Cut(middle)) <= maxTokens) low = middle;
            else high = middle - 1;
        }
        var cut = Cut(low);
        Shortened++;
        TokensRemoved += total - Length(cut);
        return cut;
    }

    int Length(DataRow row) => tokenizer.CountTokens(ExampleText.Whole(row, schema));

    /// <summary>The parts that give way: the text, output, completion, both answers of a preference, or the last chat turn.</summary>
    List<(string Field, string Text)> LastParts(DataRow row)
    {
        var fields = ExampleText.Fields(row, schema).ToList();
        return schema.Format switch
        {
            DatasetFormat.Instruction => fields.Where(f => f.Field == "output").ToList(),
            DatasetFormat.PromptCompletion => fields.Where(f => f.Field == "completion").ToList(),
            DatasetFormat.Preference => fields.Where(f => f.Field is "chosen" or "rejected").ToList(),
            DatasetFormat.Chat or DatasetFormat.ShareGpt => fields.TakeLast(1).ToList(),
            _ => fields.Where(f => f.Field == "text").ToList(),
        };
    }
}
