using FineTune.Kernel.Notebook;
using FineTune.Kernel.Tests.Support;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace FineTune.Kernel.Tests.Notebook;

public class RenderingTests
{
    sealed record Row(string Name, int Count);

    [Fact]
    public void Polyglots_formatter_registry_renders_library_types_as_their_own_html_and_text()
    {
        var progress = new Progress(3, 10, "loading");

        Assert.Equal(progress.ToHtml(), progress.ToDisplayString("text/html"));
        Assert.Equal(progress.ToString(), progress.ToDisplayString("text/plain"));
    }

    [Fact]
    public void A_progress_bar_reads_as_text_and_as_an_html_progress_element()
    {
        var progress = new Progress(5, 10, "training");

        Assert.Equal("training [##########----------] 5/10", progress.ToString());
        Assert.Contains("<progress value=\"5\" max=\"10\"></progress> 5/10 (50%)", progress.ToHtml());
    }

    [Fact]
    public void A_dataframe_renders_as_a_table_of_its_first_rows_and_its_shape()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("text", Enumerable.Range(0, 25).Select(i => $"row {i}")),
            new PrimitiveDataFrameColumn<int>("tokens", Enumerable.Range(0, 25)));

        var rendered = Rendering.TryRender(frame)!.Value;

        Assert.StartsWith("<table class=\"finetune-table\"><thead><tr><th>text</th><th>tokens</th></tr>", rendered.Html);
        Assert.Equal(NotebookHtml.MaxRows, Count(rendered.Html, "<tr>") - 1);
        Assert.Contains("<td>row 19</td>", rendered.Html);
        Assert.DoesNotContain("row 20", rendered.Html);
        Assert.Contains("25 rows, 2 columns, showing the first 20", rendered.Html);
    }

    [Fact]
    public void A_sequence_of_records_renders_as_a_table_with_a_column_per_property()
    {
        Row[] rows = [new("a & b", 1), new("c", 2)];

        var rendered = Rendering.TryRender(rows)!.Value;

        Assert.Contains("<th>Name</th><th>Count</th>", rendered.Html);
        Assert.Contains("<tr><td>a &amp; b</td><td>1</td></tr>", rendered.Html);
        Assert.Contains("2 rows, 2 columns", rendered.Html);
        Assert.StartsWith("Name = a & b, Count = 1", rendered.PlainText);
    }

    [Fact]
    public void Anonymous_objects_from_a_query_render_as_a_table_too()
    {
        var query = Enumerable.Range(1, 3).Select(i => new { Step = i, Loss = 1.0 / i });

        var rendered = Rendering.TryRender(query)!.Value;

        Assert.Contains("<th>Step</th><th>Loss</th>", rendered.Html);
        Assert.Contains("<td>3</td><td>0.3333</td>", rendered.Html);
    }

    [Theory]
    [InlineData("text")]
    [InlineData(42)]
    public void Scalars_are_left_to_the_generic_formatter(object value) =>
        Assert.Null(Rendering.TryRender(value));

    [Fact]
    public void Sequences_of_scalars_are_left_to_the_generic_formatter() =>
        Assert.Null(Rendering.TryRender(new[] { 1, 2, 3 }));

    [Fact]
    public void A_chart_renders_as_a_fragment_that_draws_with_the_pages_plotly_and_leaves_the_chart_unchanged()
    {
        var chart = Charts.Line([1.0, 2, 3], [0.9, 0.5, 0.3], title: "loss", xTitle: "step", yTitle: "loss");
        string before = Plotly.NET.GenericChart.toFigureJson(chart);

        var rendered = Rendering.TryRender(chart)!.Value;

        Assert.Contains("\"y\":[0.9,0.5,0.3]", rendered.Html);
        Assert.Contains("if (window.Plotly) { draw(window.Plotly); return; }", rendered.Html);
        Assert.DoesNotContain("<script src=", rendered.Html);
        Assert.Equal("Plotly chart: 1 trace(s) (scatter)", rendered.PlainText);
        Assert.Equal(before, Plotly.NET.GenericChart.toFigureJson(chart));
    }

    [Fact]
    public void Plotly_js_is_available_offline_from_the_plotly_package()
    {
        string js = ChartHtml.PlotlyJs();

        Assert.True(js.Length > 3_000_000, $"plotly.js is {js.Length} chars");
        Assert.Contains("plotly.js v" + ChartHtml.PlotlyVersion, js);
    }

    [Fact]
    public void In_polyglot_a_chart_reaches_display_as_html_the_kernel_formats_through_the_library_convention()
    {
        var shown = new List<object?>();
        var previous = Display.Sink;
        try
        {
            Display.Use(v => { shown.Add(v); return new object(); });
            Charts.Bar(["yes", "no"], [3, 1]).Show();
        }
        finally { Display.Sink = previous; }

        var view = Assert.IsType<HtmlView>(Assert.Single(shown));
        Assert.Contains("finetune-chart", view.ToDisplayString("text/html"));
    }

    static int Count(string text, string part) => text.Split(part).Length - 1;
}

public class RenderingConventionTests
{
    [Fact]
    public void Every_library_type_that_renders_as_html_carries_the_attribute_polyglot_looks_for()
    {
        var missing = typeof(IHtmlRenderable).Assembly.GetTypes()
            .Where(t => typeof(IHtmlRenderable).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract)
            .Where(t => !t.GetCustomAttributes(inherit: true).Any(a => a.GetType().Name == "TypeFormatterSourceAttribute"))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(missing.Count == 0, "add [TypeFormatterSource(typeof(HtmlFormatterSource))] to: " + string.Join(", ", missing));
    }
}
