using FineTune.Kernel.Tests.Support;
using FineTune.Notebooks.Files;
using Microsoft.Playwright;

namespace FineTune.Kernel.Tests.Notebooks;

/// <summary>
/// Opens the getting-started notebook's HTML page in Debian's chromium, headless and with no network
/// (its proxy is a closed port), and checks from the DOM that the page really works offline.
/// </summary>
[Collection("notebook sessions")]
public sealed class HtmlPageBrowserTests : IDisposable
{
    const string Chromium = "/usr/bin/chromium";
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [SkippableFact]
    public async Task The_getting_started_page_draws_its_chart_and_table_offline_with_no_script_errors()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (.ci/setup installs Debian's chromium package)");
        var run = await NotebookRunner.RunAsync(Path.Combine(RepoPaths.Root, "notebooks", "00-getting-started.ipynb"), folder.Path);
        Assert.True(run.Succeeded, run.Failed?.Result.Error?.Message);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--proxy-server=127.0.0.1:9"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Console += (_, message) => { if (message.Type == "error") problems.Add("console error: " + message.Text); };
        page.Request += (_, request) => { if (!request.Url.StartsWith("file:")) problems.Add("network request: " + request.Url); };

        await page.GotoAsync(new Uri(run.HtmlPage).AbsoluteUri);
        await page.WaitForSelectorAsync(".finetune-chart svg.main-svg", new() { Timeout = 20_000 });

        Assert.True(await page.Locator(".finetune-chart .scatterlayer path.js-line").CountAsync() > 0, "the chart drew no line");
        Assert.Equal(4, await page.Locator("table.finetune-table tbody tr").CountAsync());
        Assert.Equal("20", await page.Locator("progress").GetAttributeAsync("value"));
        Assert.Empty(problems);

        string screenshot = Path.Combine(RepoPaths.Root, "artifacts", "tests", "00-getting-started.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }
}
