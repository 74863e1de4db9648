using Microsoft.Playwright;
using Monitoring.Functions.Tests.Support;
using Monitoring.Tests.Shared.Browser;

namespace Monitoring.Functions.Tests.Page;

[Collection(ChromiumCollection.Name)]
public sealed class StatusPageTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task TheContactsStatusLinkShowsTheCountAndTheQuestionnaireLinkDoesNotOpenIt()
    {
        await using var app = await RunningApp.StartAsync();
        for (var i = 0; i < 5; i++) await app.PostAsync(RunningApp.Body(app.Token("T0", "a1")));
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, $"/status/{app.StatusToken("T0", "a1")}").ToString());

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Respons: T0 – najaar 2021");
        await Assertions.Expect(page.Locator("#status-count")).ToHaveTextAsync("5 van de 20 personeelsleden hebben geantwoord (25 %).");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-count")).ToHaveTextAsync("5 of 20 staff members have answered (25 %).");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Responses: T0 – autumn 2021");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Output, "phone-8-status.png"), FullPage = true });

        await page.GotoAsync(new Uri(app.BaseAddress, $"/status/{app.Token("T0", "a1")}?lang=nl").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Deze statuslink is niet (meer) geldig.");

        await page.GotoAsync(new Uri(app.BaseAddress, $"/s/{app.StatusToken("T0", "a1")}?lang=nl").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Deze link is niet (meer) geldig.");
        await context.CloseAsync();
    }

    [Fact]
    public async Task BelowTheThresholdTheStatusPageSaysTheCountIsHidden()
    {
        await using var app = await RunningApp.StartAsync();
        await app.PostAsync(RunningApp.Body(app.Token("T0", "a2")));
        var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, $"/status/{app.StatusToken("T0", "a2")}").ToString());

        await Assertions.Expect(page.Locator("#status-count")).ToContainTextAsync("niet getoond");
        Assert.DoesNotContain("1 van", await page.Locator("main").TextContentAsync());
        await context.CloseAsync();
    }
}
