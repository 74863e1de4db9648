using System.Net;
using System.Text.Json;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Collection;

public sealed class QuestionnaireEndpointTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AValidLinkGivesTheWavesInstrumentsForThatSchoolInDutch()
    {
        var response = await _app.Client.GetAsync($"/api/questionnaires/{_app.Token("T0", "a1")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var q = await RunningApp.JsonAsync(response);
        Assert.Equal("Basisschool De Linde", q.GetProperty("school").GetProperty("name").GetString());
        Assert.Equal("T0", q.GetProperty("wave").GetProperty("id").GetString());
        Assert.Equal("nl", q.GetProperty("language").GetString());
        Assert.Equal(["wellbeing", "leadership"], q.GetProperty("instruments").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var items = q.GetProperty("instruments").EnumerateArray().SelectMany(i => i.GetProperty("items").EnumerateArray()).ToArray();
        Assert.Equal(["wb_01", "wb_02", "wb_03", "gl_01", "gl_02", "gl_03", "gl_04"], items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("Ik was in een goede stemming.", items[0].GetProperty("text").GetString());
        Assert.Equal(["Nooit", "Af en toe", "Soms", "Vaak", "Meestal", "Altijd"], items[0].GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("text").GetString()));
        Assert.Equal(["leader", "teacher"], q.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(3, q.GetProperty("linkage").GetArrayLength());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task EnglishIsOfferedWithLangEn()
    {
        var q = await RunningApp.JsonAsync(await _app.Client.GetAsync($"/api/questionnaires/{_app.Token("T0", "a1")}?lang=en"));

        Assert.Equal("T0 – autumn 2021", q.GetProperty("wave").GetProperty("name").GetString());
        var first = q.GetProperty("instruments")[0].GetProperty("items")[0];
        Assert.Equal("I was in a good mood.", first.GetProperty("text").GetString());
        Assert.Equal("At no time", first.GetProperty("labels")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task AWaveShowsOnlyItsOwnInstruments()
    {
        _app.Clock.Now = TestStudy.InT1;

        var q = await RunningApp.JsonAsync(await _app.Client.GetAsync($"/api/questionnaires/{_app.Token("T1", "a1")}"));

        Assert.Equal(["leadership"], q.GetProperty("instruments").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AnUnknownLanguageIsABadRequestNamingTheParameter()
    {
        var response = await _app.Client.GetAsync($"/api/questionnaires/{_app.Token("T0", "a1")}?lang=fr");

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, ("unknown-language", "lang"));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("short")]
    public async Task AnUnknownOrMalformedTokenIsNotFound(string token)
    {
        var response = await _app.Client.GetAsync($"/api/questionnaires/{token}");

        await Expect.ProblemAsync(response, HttpStatusCode.NotFound, ("unknown-token", "token"));
    }

    [Fact]
    public async Task ALinkOutsideItsWavesWindowIsForbiddenAndSaysTheWindow()
    {
        _app.Clock.Now = TestStudy.T0Closes.AddSeconds(1);
        var after = await _app.Client.GetAsync($"/api/questionnaires/{_app.Token("T0", "a1")}");
        _app.Clock.Now = TestStudy.T0Opens.AddSeconds(-1);
        var before = await _app.Client.GetAsync($"/api/questionnaires/{_app.Token("T0", "a1")}");
        _app.Clock.Now = TestStudy.T0Opens;
        var atOpening = await _app.Client.GetAsync($"/api/questionnaires/{_app.Token("T0", "a1")}");

        var closed = await Expect.ProblemAsync(after, HttpStatusCode.Forbidden, ("wave-closed", "token"));
        Assert.Equal(TestStudy.T0Closes, closed.GetProperty("closes").GetDateTimeOffset());
        await Expect.ProblemAsync(before, HttpStatusCode.Forbidden, ("wave-not-open", "token"));
        Assert.Equal(HttpStatusCode.OK, atOpening.StatusCode);
    }

    [Fact]
    public async Task AnUnknownRouteIsAProblemToo()
    {
        var response = await _app.Client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
