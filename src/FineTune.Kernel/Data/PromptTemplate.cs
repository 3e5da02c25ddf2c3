using System.Text;

namespace FineTune.Kernel.Data;

/// <summary>A template such as "### Instruction:\n{instruction}\n\n### Response:\n{output}", parsed once and filled per row.</summary>
sealed class PromptTemplate
{
    readonly List<(string Literal, string? Field)> parts;

    PromptTemplate(List<(string, string?)> parts) => this.parts = parts;

    public IReadOnlyList<string> Fields => parts.Where(p => p.Field is not null).Select(p => p.Field!).Distinct().ToList();

    public static PromptTemplate Parse(string template, IReadOnlyList<string> columns)
    {
        var parts = new List<(string, string?)>();
        var literal = new StringBuilder();
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c) { literal.Append(c); i++; continue; }
            if (c == '}') throw new FormatException($"template: a '}}' at position {i} closes nothing (write '}}}}' for a literal brace)");
            if (c != '{') { literal.Append(c); continue; }
            int end = template.IndexOf('}', i + 1);
            if (end < 0) throw new FormatException($"template: the '{{' at position {i} is never closed (write '{{{{' for a literal brace)");
            string field = template[(i + 1)..end].Trim();
            if (!columns.Contains(field))
                throw new ArgumentException($"template: '{{{field}}}' at position {i} names no field; the fields are {string.Join(", ", columns)}", nameof(template));
            parts.Add((literal.ToString(), field));
            literal.Clear();
            i = end;
        }
        parts.Add((literal.ToString(), null));
        return new PromptTemplate(parts);
    }

    public string Fill(DataRow row)
    {
        var text = new StringBuilder();
        foreach (var (literal, field) in parts)
        {
            text.Append(literal);
            if (field is not null) text.Append(row[field]);
        }
        return text.ToString();
    }
}
