using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace FineTune.Kernel.Notebook;

/// <summary>A value rendered for a notebook: an HTML fragment and its plain-text form.</summary>
readonly record struct Rendered(string Html, string PlainText);

/// <summary>
/// How the library renders what it knows better than a generic formatter does: its own
/// <see cref="IHtmlRenderable"/> results, Plotly.NET charts (interactive), DataFrames and sequences of
/// records (tables of the first <see cref="NotebookHtml.MaxRows"/> rows and the shape). Every host uses this:
/// the headless runner for each output, and <see cref="Display"/> in Polyglot Notebooks.
/// </summary>
static class Rendering
{
    /// <summary>Renders <paramref name="value"/>, or returns null when a generic formatter should handle it.</summary>
    public static Rendered? TryRender(object? value) => value switch
    {
        IHtmlRenderable renderable => new Rendered(renderable.ToHtml(), renderable.ToString() ?? ""),
        GenericChart chart => new Rendered(ChartHtml.Fragment(chart), ChartHtml.Describe(chart)),
        DataFrame frame => new Rendered(DataFrameTable(frame), frame.ToString(NotebookHtml.MaxRows)),
        IEnumerable sequence and not string and not IDictionary when RecordColumns(sequence) is { } columns =>
            RecordTable(sequence, columns),
        _ => null,
    };

    static string DataFrameTable(DataFrame frame)
    {
        long rows = frame.Rows.Count;
        var shown = Enumerable.Range(0, (int)Math.Min(rows, NotebookHtml.MaxRows))
            .Select(i => frame.Columns.Select(c => c[i]));
        return NotebookHtml.Table(frame.Columns.Select(c => c.Name), shown, $"{Shape(rows, frame.Columns.Count)}{Shown(Math.Min(rows, NotebookHtml.MaxRows), rows)}");
    }

    static Rendered RecordTable(IEnumerable sequence, PropertyInfo[] columns)
    {
        var items = sequence.Cast<object?>().Take(NotebookHtml.MaxRows + 1).ToList();
        long? total = sequence is ICollection collection ? collection.Count : null;
        bool more = items.Count > NotebookHtml.MaxRows;
        if (more) items.RemoveAt(NotebookHtml.MaxRows);
        string caption = total is { } n
            ? Shape(n, columns.Length) + Shown(items.Count, n)
            : more ? $"first {items.Count} rows" : Shape(items.Count, columns.Length);
        var rows = items.Select(item => columns.Select(c => item is null ? null : c.GetValue(item)));
        var names = columns.Select(c => c.Name).ToList();
        string html = NotebookHtml.Table(names, rows, caption);
        string text = string.Join(Environment.NewLine,
            items.Select(item => string.Join(", ", columns.Select(c => $"{c.Name} = {NotebookHtml.Cell(item is null ? null : c.GetValue(item))}"))))
            + Environment.NewLine + "(" + caption + ")";
        return new Rendered(html, text);
    }

    static string Shape(long rows, int columns) => $"{Count(rows)} row{(rows == 1 ? "" : "s")}, {columns} column{(columns == 1 ? "" : "s")}";

    static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    static string Shown(long shown, long total) => shown < total ? $", showing the first {Count(shown)}" : "";

    /// <summary>
    /// The columns of a sequence of records: the public properties of its element type, when that type
    /// is a class or struct of our own making (records, anonymous types), not a scalar, string or collection.
    /// </summary>
    static PropertyInfo[]? RecordColumns(IEnumerable sequence)
    {
        var elementType = sequence.GetType().GetInterfaces().Append(sequence.GetType())
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(t => t.GetGenericArguments()[0])
            .FirstOrDefault();
        if (elementType is null || !IsRecordLike(elementType)) return null;
        var columns = elementType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToArray();
        return columns.Length == 0 ? null : columns;
    }

    static bool IsRecordLike(Type type) =>
        !type.IsPrimitive && !type.IsEnum && !type.IsInterface && !type.IsAbstract
        && type != typeof(object) && type != typeof(string) && type != typeof(decimal)
        && type != typeof(DateTime) && type != typeof(DateTimeOffset) && type != typeof(TimeSpan) && type != typeof(Guid)
        && !typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IHtmlRenderable).IsAssignableFrom(type)
        && !typeof(GenericChart).IsAssignableFrom(type);
}
