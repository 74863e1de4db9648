using Microsoft.Playwright;
using Monitoring.Functions.Tests.Support;
using Monitoring.Tests.Shared.Browser;

namespace Monitoring.Functions.Tests.Page;

[Collection(ChromiumCollection.Name)]
public sealed class ClosedAccessPageTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task InAClosedWaveThePageAsksForTheCodeSaysWhenItIsMissingOrUsedAndSubmitsWithIt()
    {
        await using var app = await RunningApp.StartAsync(closedT0: true);
        var used = app.Codes("T0", "a1")[0];
        var body = RunningApp.Body(app.Token("T0", "a1"));
        body["code"] = used;
        Assert.Equal(System.Net.HttpStatusCode.Created, (await app.PostAsync(body)).StatusCode);
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
        await page.GotoAsync(new Uri(app.BaseAddress, $"/s/{app.Token("T0", "a1")}").ToString());

        var code = page.GetByLabel("Toegangscode");
        await Assertions.Expect(code).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Leraar" }).CheckAsync();
        foreach (var item in new[] { "wb_01", "wb_02", "wb_03" })
            await page.Locator($"#item-{item}").GetByRole(AriaRole.Radio, new() { Name = "Soms", Exact = true }).CheckAsync();
        foreach (var item in new[] { "gl_01", "gl_02", "gl_03", "gl_04" })
            await page.Locator($"#item-{item}").GetByRole(AriaRole.Radio, new() { Name = "Eens", Exact = true }).CheckAsync();
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Antwoorden versturen" });

        await send.ClickAsync();
        await Assertions.Expect(page.Locator("#err-code")).ToHaveTextAsync("Vul je toegangscode in.");
        await Assertions.Expect(code).ToHaveAttributeAsync("aria-invalid", "true");

        await code.FillAsync(used);
        await send.ClickAsync();
        await Assertions.Expect(page.Locator("#err-code")).ToContainTextAsync("werd al gebruikt");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("werd al gebruikt");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Output, "phone-7-code-used.png"), FullPage = true });

        await code.FillAsync(app.Codes("T0", "a1")[1].ToLowerInvariant());
        await send.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bedankt! Je antwoorden zijn goed ontvangen." })).ToBeVisibleAsync();
        Assert.Equal(2, (await app.StoredAsync()).Count);
        var saved = await page.EvaluateAsync<string>($"localStorage.getItem('monitoring:{app.Token("T0", "a1")}')");
        Assert.DoesNotContain(app.Codes("T0", "a1")[1].ToLowerInvariant(), saved);
        lock (errors) Assert.Empty(errors);
        await context.CloseAsync();
    }

    [Fact]
    public async Task InAnOpenWaveThePageAsksForNoCode()
    {
        await using var app = await RunningApp.StartAsync(closedT0: true);
        app.Clock.Now = TestStudy.InT1;
        var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, $"/s/{app.Token("T1", "a1")}").ToString());

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("T1 – voorjaar 2022");
        Assert.Equal(0, await page.GetByLabel("Toegangscode").CountAsync());
        await context.CloseAsync();
    }
}
