using Microsoft.Playwright;
using Monitoring.Batch;
using Monitoring.Functions.Tests.Support;
using Monitoring.Tests.Shared;
using Monitoring.Tests.Shared.Browser;

namespace Monitoring.Functions.Tests.Page;

/// <summary>
/// The README's demo end to end: questionnaires filled in through their links in Chromium, then the batch over the
/// store (as `monitoring run --store`). Every acknowledged submission inside the window on the server's clock is
/// analysed, whatever the respondent's device clock says (issue 11: a phone set to 2020 was thanked and then dropped).
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class DemoEndToEndTests(ChromiumFixture chromium)
{
    // Varied answers (no straight line) to all 7 questions of the test study's wave T0.
    private static readonly (string Item, string Label)[] Answers =
        [("wb_01", "Vaak"), ("wb_02", "Nooit"), ("wb_03", "Altijd"), ("gl_01", "Eens"), ("gl_02", "Neutraal"), ("gl_03", "Helemaal eens"), ("gl_04", "Oneens")];

    [Fact]
    public async Task EveryQuestionnaireSubmittedInTheBrowserIsKeptByTheBatchWhateverTheDevicesClock()
    {
        await using var app = await RunningApp.StartAsync();
        var devices = new (string School, DateTimeOffset Clock, bool SlowFill)[]
        {
            ("a1", DateTimeOffset.Parse("2020-03-01T08:00:00+01:00"), false), // a phone set to 2020
            ("a1", TestStudy.InT0.AddYears(3), false),                           // a clock years ahead
            ("a2", TestStudy.InT0, true),                                        // right clock, five minutes to fill in
            ("a3", TestStudy.InT0.AddMinutes(-3), true),
        };
        foreach (var (school, clock, slowFill) in devices)
            await FillInAsync(app, school, clock, slowFill);
        Assert.Equal(devices.Length, (await app.StoredAsync()).Count);

        using var output = new TemporaryDirectory();
        var result = await BatchJob.RunAsync(new BatchOptions
        {
            StudyDirectory = Path.Combine(app.Root, "study"),
            Store = app.Store,
            StoreDescription = app.DataPath,
            OutputDirectory = output.Path,
        });

        Assert.True(result.Succeeded, result.Failure.ToString());
        var responses = CsvTable.Read(Path.Combine(output.Path, "datasets", "responses.csv"));
        Assert.Equal(devices.Length, responses.Rows.Count);
        var log = CsvTable.Read(Path.Combine(output.Path, "datasets", "cleaning_log.csv"));
        Assert.Empty(log.Rows);
    }

    private async Task FillInAsync(RunningApp app, string school, DateTimeOffset deviceClock, bool slowFill)
    {
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        try
        {
            var page = await context.NewPageAsync();
            await page.Clock.InstallAsync(new() { TimeDate = deviceClock.UtcDateTime });
            await page.GotoAsync(new Uri(app.BaseAddress, $"/s/{app.Token("T0", school)}").ToString());
            await page.GetByRole(AriaRole.Radio, new() { Name = "Leraar" }).CheckAsync();
            foreach (var (item, label) in Answers)
                await page.Locator($"#item-{item}").GetByRole(AriaRole.Radio, new() { Name = label, Exact = true }).CheckAsync();
            if (slowFill) await page.Clock.FastForwardAsync("05:00");
            await page.GetByRole(AriaRole.Button, new() { Name = "Antwoorden versturen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bedankt! Je antwoorden zijn goed ontvangen." })).ToBeVisibleAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
