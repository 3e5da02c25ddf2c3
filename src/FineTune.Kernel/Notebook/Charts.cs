using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Plotly.NET.CSharp;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace FineTune.Kernel.Notebook;

/// <summary>
/// Plotly.NET charts in one call, each a new chart with a title and axis labels. A chart renders as an
/// interactive chart when it is a cell's last value or shown with <c>.Show()</c>. Each call builds a
/// fresh chart on purpose: Plotly.NET's <c>With*</c> functions change the chart they are given.
/// </summary>
public static class Charts
{
    /// <summary>A line of <paramref name="y"/> against <paramref name="x"/> (a loss curve, a metric per step).</summary>
    public static GenericChart Line(IEnumerable<double> x, IEnumerable<double> y, string? title = null, string? xTitle = null, string? yTitle = null, string? name = null) =>
        Decorate(PlotlyChart.Line<double, double, string>(x: x.ToArray(), y: y.ToArray(), Name: name ?? "", ShowLegend: name is not null), title, xTitle, yTitle);

    /// <summary>A line of <paramref name="y"/> against its index 0, 1, 2, ...</summary>
    public static GenericChart Line(IEnumerable<double> y, string? title = null, string? xTitle = null, string? yTitle = null)
    {
        var values = y.ToArray();
        return Line(Enumerable.Range(0, values.Length).Select(i => (double)i), values, title, xTitle, yTitle);
    }

    /// <summary>Vertical bars, one per label (label balance, accuracy per class).</summary>
    public static GenericChart Bar(IEnumerable<string> labels, IEnumerable<double> values, string? title = null, string? xTitle = null, string? yTitle = null) =>
        Decorate(PlotlyChart.Column<double, string, string>(values: values.ToArray(), Keys: labels.ToArray()), title, xTitle, yTitle);

    /// <summary>
    /// A histogram of <paramref name="values"/> (token lengths, scores) in about <paramref name="bins"/> bins, with
    /// a dashed vertical line at <paramref name="markAt"/> when given (a context limit, a threshold).
    /// </summary>
    public static GenericChart Histogram(IEnumerable<double> values, int bins = 30, string? title = null, string? xTitle = null, string? yTitle = "count", double? markAt = null)
    {
        var chart = Decorate(PlotlyChart.Histogram<double, double, string>(X: values.ToArray(), NBinsX: bins), title, xTitle, yTitle);
        return markAt is { } x ? Plotly.NET.Chart.withShape(VerticalLine(x), null).Invoke(chart) : chart;
    }

    /// <summary>A dashed red line across the whole plot height at <paramref name="x"/> (set as plotly.js properties: Plotly.NET's F# initialisers take no C# defaults).</summary>
    static Shape VerticalLine(double x)
    {
        var line = new Plotly.NET.Line();
        line.SetProperty("color", "#d1242f");
        line.SetProperty("dash", "dash");
        line.SetProperty("width", 2);
        var shape = new Shape();
        foreach (var (name, value) in new (string, object)[] { ("type", "line"), ("x0", x), ("x1", x), ("y0", 0), ("y1", 1), ("yref", "paper"), ("line", line) })
            shape.SetProperty(name, value);
        return shape;
    }

    static GenericChart Decorate(GenericChart chart, string? title, string? xTitle, string? yTitle)
    {
        chart = chart.WithSize(720, 400);
        if (title is not null) chart = Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
        if (xTitle is not null) chart = chart.WithXAxisStyle<double, double, string>(TitleText: xTitle);
        if (yTitle is not null) chart = chart.WithYAxisStyle<double, double, string>(TitleText: yTitle);
        return chart;
    }
}
