using Monitoring.Tests.Shared.Browser;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Monitoring.Core.Instruments;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Page;

[Collection(ChromiumCollection.Name)]
public sealed class QuestionnairePageTests(ChromiumFixture chromium)
{
    public static TheoryData<string, int, int> Viewports => new() { { "phone", 390, 844 }, { "desktop", 1280, 900 } };

    // The answers the respondent clicks: item → label (Dutch first, English after the switch).
    private static readonly (string Item, string Label, int Value)[] FirstAnswers = [("wb_01", "Vaak", 3), ("wb_02", "Nooit", 0), ("wb_03", "Altijd", 5)];
    private static readonly (string Item, string Label, int Value)[] LaterAnswers = [("gl_01", "Agree", 4), ("gl_02", "Neutral", 3), ("gl_03", "Strongly agree", 5), ("gl_04", "Disagree", 2)];

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task ARespondentFillsInClosesResumesSwitchesToEnglishAndSubmits(string name, int width, int height)
    {
        await using var app = await RunningApp.StartAsync();
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) => { lock (console) console.Add($"{m.Type}: {m.Text}"); };
        page.PageError += (_, e) => { lock (console) console.Add($"page error: {e}"); };
        var url = new Uri(app.BaseAddress, $"/s/{app.Token("T0", "a1")}").ToString();

        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("T0 – najaar 2021");
        await Assertions.Expect(page.Locator(".school")).ToHaveTextAsync("Basisschool De Linde");
        Assert.Equal("nl", await page.Locator("html").GetAttributeAsync("lang"));
        await page.ScreenshotAsync(new() { Path = Shot(name, "1-start"), FullPage = true });

        await page.GetByRole(AriaRole.Radio, new() { Name = "Leraar" }).CheckAsync();
        foreach (var (item, label, _) in FirstAnswers)
            await page.Locator($"#item-{item}").GetByRole(AriaRole.Radio, new() { Name = label, Exact = true }).CheckAsync();
        await page.GetByLabel("Eerste twee letters van de voornaam van je moeder").FillAsync("an");
        await Assertions.Expect(page.Locator("#progress-label")).ToHaveTextAsync("3 van 7 vragen beantwoord");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#progress-label")).ToHaveTextAsync("3 van 7 vragen beantwoord");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Leraar" })).ToBeCheckedAsync();
        foreach (var (item, label, _) in FirstAnswers)
            await Assertions.Expect(page.Locator($"#item-{item}").GetByRole(AriaRole.Radio, new() { Name = label, Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Eerste twee letters van de voornaam van je moeder")).ToHaveValueAsync("an");
        await page.ScreenshotAsync(new() { Path = Shot(name, "2-resumed"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("T0 – autumn 2021");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("#item-wb_01").GetByRole(AriaRole.Radio, new() { Name = "Often", Exact = true })).ToBeCheckedAsync();
        foreach (var (item, label, _) in LaterAnswers)
            await page.Locator($"#item-{item}").GetByRole(AriaRole.Radio, new() { Name = label, Exact = true }).CheckAsync();
        await page.GetByLabel("The day of the month you were born on").FillAsync("7");
        await page.GetByLabel("First two letters of your place of birth").FillAsync("ge");
        await Assertions.Expect(page.Locator("#progress-label")).ToHaveTextAsync("7 of 7 questions answered");
        await page.ScreenshotAsync(new() { Path = Shot(name, "3-filled-en"), FullPage = true });
        var submissionId = await page.EvaluateAsync<string>($"JSON.parse(localStorage.getItem('monitoring:{app.Token("T0", "a1")}')).id");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send answers" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you! Your answers have been received." })).ToBeVisibleAsync();
        lock (console) Assert.DoesNotContain(console, m => m.StartsWith("page error", StringComparison.Ordinal));
        var receipt = await page.Locator(".receipt").TextContentAsync();
        Assert.Matches(new Regex("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$"), receipt);
        await page.ScreenshotAsync(new() { Path = Shot(name, "4-confirmation"), FullPage = true });

        var stored = Assert.Single(await app.StoredAsync());
        Assert.Equal(submissionId, stored.Id.Value);
        Assert.Equal("teacher", stored.Role.Value);
        Assert.Equal("en", stored.Language);
        Assert.NotNull(stored.LinkageCode);
        Assert.Equal(FirstAnswers.Concat(LaterAnswers).ToDictionary(a => new ItemId(a.Item), a => a.Value), stored.Answers.ToDictionary());

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".receipt")).ToHaveTextAsync(receipt!);
        var saved = await page.EvaluateAsync<string>($"localStorage.getItem('monitoring:{app.Token("T0", "a1")}')");
        Assert.DoesNotContain("wb_01", saved);
        await context.CloseAsync();
    }

    [Fact]
    public async Task ASubmitThatFailsOnTheNetworkIsRetriedWithTheSameIdUntilStored()
    {
        await using var app = await RunningApp.StartAsync();
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var failures = 0;
        await page.RouteAsync("**/api/responses", async route =>
        {
            if (Interlocked.Increment(ref failures) <= 2) await route.AbortAsync("connectionreset");
            else await route.ContinueAsync();
        });
        await page.GotoAsync(new Uri(app.BaseAddress, $"/s/{app.Token("T0", "a2")}").ToString());
        await page.GetByRole(AriaRole.Radio, new() { Name = "Directeur" }).CheckAsync();
        foreach (var item in new[] { "wb_01", "wb_02", "wb_03" })
            await page.Locator($"#item-{item}").GetByRole(AriaRole.Radio, new() { Name = "Soms", Exact = true }).CheckAsync();
        foreach (var item in new[] { "gl_01", "gl_02", "gl_03", "gl_04" })
            await page.Locator($"#item-{item}").GetByRole(AriaRole.Radio, new() { Name = "Eens", Exact = true }).CheckAsync();
        var submissionId = await page.EvaluateAsync<string>($"JSON.parse(localStorage.getItem('monitoring:{app.Token("T0", "a2")}')).id");

        await page.GetByRole(AriaRole.Button, new() { Name = "Antwoorden versturen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("We proberen opnieuw");
        await page.ScreenshotAsync(new() { Path = Shot("phone", "5-retrying") });

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bedankt! Je antwoorden zijn goed ontvangen." }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal(3, failures);
        var stored = Assert.Single(await app.StoredAsync());
        Assert.Equal(submissionId, stored.Id.Value);
        Assert.Null(stored.LinkageCode);
        await context.CloseAsync();
    }

    [Fact]
    public async Task ServerProblemsAreShownAtTheItemAndInASummary()
    {
        await using var app = await RunningApp.StartAsync();
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, $"/s/{app.Token("T0", "a3")}").ToString());
        await page.GetByRole(AriaRole.Radio, new() { Name = "Leraar" }).CheckAsync();
        await page.Locator("#item-wb_01").GetByRole(AriaRole.Radio, new() { Name = "Vaak", Exact = true }).CheckAsync();
        await page.GetByLabel("Eerste twee letters van de voornaam van je moeder").FillAsync("a1");

        var send = page.GetByRole(AriaRole.Button, new() { Name = "Antwoorden versturen" });
        await send.ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("6 vragen zijn nog niet beantwoord");
        await send.ClickAsync();

        await Assertions.Expect(page.Locator(".summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#err-mother_initials")).ToContainTextAsync("Dit antwoord past niet (bv. AN voor Anna)");
        await Assertions.Expect(page.Locator("#err-birth_day")).ToBeVisibleAsync();
        Assert.Equal("true", await page.Locator("#link-mother_initials").GetAttributeAsync("aria-invalid"));
        await page.ScreenshotAsync(new() { Path = Shot("desktop", "6-problems"), FullPage = true });
        Assert.Empty(await app.StoredAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task EveryQuestionIsAFieldsetWithALegendAndEveryControlHasALabelAndKeyboardWorks()
    {
        await using var app = await RunningApp.StartAsync();
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, $"/s/{app.Token("T0", "a4")}").ToString());
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        Assert.Equal(7, await page.Locator("fieldset.item").CountAsync());
        Assert.Equal(7, await page.Locator("fieldset.item > legend").CountAsync());
        var unlabelled = await page.EvaluateAsync<int>(
            "Array.from(document.querySelectorAll('input')).filter(i => !(i.labels && i.labels.length && i.labels[0].textContent.trim())).length");
        Assert.Equal(0, unlabelled);

        await page.Locator("#item-wb_01 input").First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("#item-wb_01").GetByRole(AriaRole.Radio, new() { Name = "Soms", Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#progress-label")).ToHaveTextAsync("1 van 7 vragen beantwoord");
        await context.CloseAsync();
    }

    private static string Shot(string viewport, string step) => Path.Combine(ChromiumFixture.Output, $"{viewport}-{step}.png");
}
