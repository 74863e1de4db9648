using Monitoring.Tests.Shared.Browser;
using Microsoft.Playwright;
using Monitoring.Reports.Tests.Support;

namespace Monitoring.Reports.Tests;

/// <summary>
/// A network report in a real headless Chromium: at phone and desktop widths nothing overflows sideways and
/// every chart is drawn; printed to A4 it gives a PDF. Screenshots and the PDF go to the test output.
/// </summary>
[Collection(SampleReportsCollection.Name)]
public sealed class ReportInBrowserTests(SampleReports sample, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    public static TheoryData<string, int, int> Viewports => new() { { "phone", 390, 844 }, { "desktop", 1280, 900 } };

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task ANetworkReportFitsTheScreenAndDrawsEveryChart(string name, int width, int height)
    {
        var network = NetworkWithHiddenValues();
        var (page, errors, requests) = await OpenAsync(Path.Combine(sample.Dutch, $"{network.Id}.html"), width, height);

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            $"The page is {await page.EvaluateAsync<int>("document.documentElement.scrollWidth")} px wide in a {width} px window.");
        Assert.True(await page.EvaluateAsync<bool>("[...document.images].every(i => i.complete && i.naturalWidth > 0)"));
        var charts = await page.EvaluateAsync<int[][]>(
            "[...document.querySelectorAll('svg.chart')].map(s => { const r = s.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height), s.closest('.wide') ? 1 : 0]; })");
        Assert.NotEmpty(charts);
        Assert.All(charts, c => Assert.True(c[0] > 100 && c[1] > 50, $"a chart is drawn at {c[0]} × {c[1]} px"));
        // Charts with long row labels keep a legible width and scroll sideways inside their own box; every other chart fits.
        Assert.True(charts.Where(c => c[2] == 0).Max(c => c[0]) <= width, "a chart is wider than the window");
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('.wide')].every(w => w.getBoundingClientRect().width <= window.innerWidth)"),
            "a scrolling chart box is wider than the window");
        // Every <use> finds its definition, so frames and data layers are actually drawn.
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('use')].filter(u => !document.getElementById(u.getAttribute('href').slice(1))).length"));
        Assert.Empty(errors);
        Assert.All(requests, r => Assert.StartsWith("file://", r));

        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Output, $"network-{name}.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Output, $"network-{name}-top.png") });
        // One scale's progress chart with its per-school panels: the picture in the README (docs/images/).
        await page.Locator("#progress .scale").First.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Output, $"network-{name}-progress.png") });
        await page.Locator("#profiles").ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Output, $"network-{name}-profiles.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ANetworkReportPrintsToA4()
    {
        var network = NetworkWithHiddenValues();
        var (page, errors, _) = await OpenAsync(Path.Combine(sample.Dutch, $"{network.Id}.html"), 1280, 900);
        var pdf = Path.Combine(ChromiumFixture.Output, "network-print.pdf");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        var bytes = await page.PdfAsync(new() { Path = pdf, Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
        Assert.True(bytes.Length > 10_000);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        // A4 is 595 × 842 points; each section starts a page, so there are at least five.
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Matches(@"/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]", text);
        Assert.True(CountPages(text) >= 5, $"{CountPages(text)} pages");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheStudyAndTrajectoryReportsFitAPhone()
    {
        foreach (var file in new[] { "study.html", $"trajectory-{sample.Study.Trajectories[0].Id}.html", "index.html" })
        {
            var (page, errors, _) = await OpenAsync(Path.Combine(sample.English, file), 390, 844);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), file);
            Assert.Empty(errors);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Output, $"{Path.GetFileNameWithoutExtension(file)}-phone.png"), FullPage = true });
            await page.Context.CloseAsync();
        }
    }

    private async Task<(IPage Page, List<string> Errors, List<string> Requests)> OpenAsync(string file, int width, int height)
    {
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") lock (errors) errors.Add(m.Text); };
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
        page.Request += (_, r) => { lock (requests) requests.Add(r.Url); };
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        return (page, errors, requests);
    }

    /// <summary>A network with a suppressed response count, so that the pictures show gaps and their reasons.</summary>
    private Core.Studies.Network NetworkWithHiddenValues() =>
        sample.Study.NetworkOf(sample.Results.ResponseRates.First(r => r.Suppressed && r.Responses > 0).School)!;

    private static int CountPages(string pdf) =>
        System.Text.RegularExpressions.Regex.Matches(pdf, @"/Type\s*/Page[^s]").Count;
}
