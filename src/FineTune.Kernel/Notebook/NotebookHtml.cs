using System.Globalization;
using System.Net;
using System.Text;

namespace FineTune.Kernel.Notebook;

/// <summary>
/// Small building blocks for <see cref="IHtmlRenderable.ToHtml"/>: encoding and tables, so every
/// library result looks the same in Polyglot, in the executed notebook and in the HTML page.
/// </summary>
public static class NotebookHtml
{
    /// <summary>How many rows a table of a long sequence or DataFrame shows before it says how many were left out.</summary>
    public const int MaxRows = 20;

    /// <summary>Escapes <paramref name="text"/> for use inside HTML.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// A table with a header row. Cells are encoded; numbers are written with the invariant culture
    /// (doubles and floats with 4 significant digits). Pass <paramref name="caption"/> for a line
    /// under the table, such as "showing 20 of 1,000 rows".
    /// </summary>
    public static string Table(IEnumerable<string> columns, IEnumerable<IEnumerable<object?>> rows, string? caption = null)
    {
        var html = new StringBuilder("<table class=\"finetune-table\"><thead><tr>");
        foreach (var column in columns) html.Append("<th>").Append(Encode(column)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(Encode(Cell(cell))).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (caption is not null) html.Append("<div class=\"finetune-caption\">").Append(Encode(caption)).Append("</div>");
        return html.ToString();
    }

    /// <summary>One table cell as text: null as empty, numbers invariant, doubles and floats to 4 significant digits.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        float f => f.ToString("G4", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
