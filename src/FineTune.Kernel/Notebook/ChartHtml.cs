using Plotly.NET;

namespace FineTune.Kernel.Notebook;

/// <summary>
/// Plotly.NET charts as notebook HTML. A fragment is a <c>&lt;div&gt;</c> and a script that draws the
/// chart with the page's <c>Plotly</c> object. The runner's HTML page embeds plotly.js once, so the
/// fragment draws offline and fetches nothing. Only where no <c>Plotly</c> exists (an .ipynb opened in
/// VS Code or Jupyter) does the script load plotly.js from its CDN, as Plotly.NET.Interactive does.
/// Rendering never changes the chart (Plotly.NET's with* functions would).
/// </summary>
static class ChartHtml
{
    public const string PlotlyVersion = "2.28.0";
    const string CdnUrl = "https://cdn.plot.ly/plotly-" + PlotlyVersion + ".min";

    /// <summary>The chart as an HTML fragment that draws itself where plotly.js is (or can be) loaded.</summary>
    public static string Fragment(GenericChart chart)
    {
        string id = "finetune-chart-" + Guid.NewGuid().ToString("N");
        string figure = GenericChart.toFigureJson(chart).Replace("</", "<\\/");
        return $$"""
            <div class="finetune-chart"><div id="{{id}}"></div><script type="text/javascript">
            (function () {
              var figure = {{figure}};
              function draw(plotly) { plotly.newPlot('{{id}}', figure.data, figure.layout, { responsive: true }); }
              if (window.Plotly) { draw(window.Plotly); return; }
              if (typeof require === 'function' && require.config) {
                require.config({ paths: { plotly: '{{CdnUrl}}' } });
                require(['plotly'], function (plotly) { window.Plotly = plotly; draw(plotly); });
                return;
              }
              var script = document.createElement('script');
              script.src = '{{CdnUrl}}.js';
              script.onload = function () { draw(window.Plotly); };
              document.head.appendChild(script);
            })();
            </script></div>
            """;
    }

    /// <summary>A one-line description for plain-text hosts: the trace types and how many.</summary>
    public static string Describe(GenericChart chart)
    {
        var traces = GenericChart.getTraces(chart).Select(t => t.type).ToList();
        return $"Plotly chart: {traces.Count} trace(s) ({string.Join(", ", traces.Distinct())})";
    }

    /// <summary>plotly.js itself (about 3.6 MB), as Plotly.NET ships it, for pages that must work offline.</summary>
    public static string PlotlyJs()
    {
        string resource = $"Plotly.NET.plotly-{PlotlyVersion}.min.js";
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Plotly.NET {typeof(GenericChart).Assembly.GetName().Version} does not embed {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
