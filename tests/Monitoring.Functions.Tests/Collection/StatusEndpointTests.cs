using System.Net;
using System.Text.Json;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Collection;

public sealed class StatusEndpointTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task BelowThePrivacyThresholdTheCountIsSuppressed()
    {
        for (var i = 0; i < 4; i++) await _app.PostAsync(RunningApp.Body(_app.Token("T0", "a1")));

        var status = await RunningApp.JsonAsync(await _app.Client.GetAsync($"/api/status/{_app.StatusToken("T0", "a1")}"));

        Assert.True(status.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("responses").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("rate").ValueKind);
        Assert.Equal(5, status.GetProperty("privacyThreshold").GetInt32());
        Assert.Equal(20, status.GetProperty("staff").GetInt32());
    }

    [Fact]
    public async Task FromTheThresholdOnTheCountAndRateShowButNeverWhoAnswered()
    {
        for (var i = 0; i < 5; i++) await _app.PostAsync(RunningApp.Body(_app.Token("T0", "a1")));

        var response = await _app.Client.GetAsync($"/api/status/{_app.StatusToken("T0", "a1")}");

        var status = await RunningApp.JsonAsync(response);
        Assert.False(status.GetProperty("suppressed").GetBoolean());
        Assert.Equal(5, status.GetProperty("responses").GetInt32());
        Assert.Equal(0.25, status.GetProperty("rate").GetDouble());
        Assert.True(status.GetProperty("isOpen").GetBoolean());
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("submissionId", text);
        Assert.DoesNotContain("teacher", text);
    }

    [Fact]
    public async Task ACountThatWouldGiveAwayASmallSchoolThroughTheNetworkTotalIsHiddenToo()
    {
        // a2 has 1 submission (below 5). The network's total is public in its report, so with a1 (5) and a3 (6)
        // shown, total − 5 − 6 would give a2's 1: the smaller shown count (a1) is hidden too, as the reports do.
        for (var i = 0; i < 5; i++) await _app.PostAsync(RunningApp.Body(_app.Token("T0", "a1")));
        await _app.PostAsync(RunningApp.Body(_app.Token("T0", "a2")));
        for (var i = 0; i < 6; i++) await _app.PostAsync(RunningApp.Body(_app.Token("T0", "a3")));

        var a1 = await RunningApp.JsonAsync(await _app.Client.GetAsync($"/api/status/{_app.StatusToken("T0", "a1")}"));
        var a2 = await RunningApp.JsonAsync(await _app.Client.GetAsync($"/api/status/{_app.StatusToken("T0", "a2")}"));
        var a3 = await RunningApp.JsonAsync(await _app.Client.GetAsync($"/api/status/{_app.StatusToken("T0", "a3")}"));

        Assert.True(a1.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, a1.GetProperty("responses").ValueKind);
        Assert.True(a2.GetProperty("suppressed").GetBoolean());
        Assert.False(a3.GetProperty("suppressed").GetBoolean());
        Assert.Equal(6, a3.GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task AnUnknownTokenIsNotFound()
    {
        await Expect.ProblemAsync(await _app.Client.GetAsync("/api/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), HttpStatusCode.NotFound, ("unknown-token", "token"));
    }

    [Fact]
    public async Task TheQuestionnaireTokenDoesNotOpenTheStatusAndLooksLikeAnUnknownToken()
    {
        for (var i = 0; i < 5; i++) await _app.PostAsync(RunningApp.Body(_app.Token("T0", "a1")));

        var withQuestionnaireToken = await _app.Client.GetAsync($"/api/status/{_app.Token("T0", "a1")}");
        var withUnknownToken = await _app.Client.GetAsync("/api/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var withStatusToken = await _app.Client.GetAsync($"/api/status/{_app.StatusToken("T0", "a1")}");

        var known = await Expect.ProblemAsync(withQuestionnaireToken, HttpStatusCode.NotFound, ("unknown-token", "token"));
        var unknown = await Expect.ProblemAsync(withUnknownToken, HttpStatusCode.NotFound, ("unknown-token", "token"));
        Assert.Equal(unknown.GetProperty("detail").GetString(), known.GetProperty("detail").GetString());
        Assert.Equal(unknown.GetProperty("errors").GetRawText(), known.GetProperty("errors").GetRawText());
        Assert.Equal(HttpStatusCode.OK, withStatusToken.StatusCode);
        Assert.Equal(5, (await RunningApp.JsonAsync(withStatusToken)).GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task TheStatusTokenDoesNotOpenTheQuestionnaireNorTakeSubmissions()
    {
        var statusToken = _app.StatusToken("T0", "a1");

        var questionnaire = await _app.Client.GetAsync($"/api/questionnaires/{statusToken}");
        var post = await _app.PostAsync(RunningApp.Body(statusToken));

        await Expect.ProblemAsync(questionnaire, HttpStatusCode.NotFound, ("unknown-token", "token"));
        await Expect.ProblemAsync(post, HttpStatusCode.NotFound, ("unknown-token", "token"));
        Assert.Empty(await _app.StoredAsync());
    }

    [Fact]
    public async Task EachSchoolAndWaveHasItsOwnStatusToken()
    {
        Assert.NotEqual(_app.StatusToken("T0", "a1"), _app.StatusToken("T0", "a2"));
        Assert.NotEqual(_app.StatusToken("T0", "a1"), _app.StatusToken("T1", "a1"));
        await _app.PostAsync(RunningApp.Body(_app.Token("T0", "a1")));

        var t1 = await RunningApp.JsonAsync(await _app.Client.GetAsync($"/api/status/{_app.StatusToken("T1", "a1")}"));

        Assert.Equal("T1", t1.GetProperty("wave").GetProperty("id").GetString());
        Assert.Equal("a1", t1.GetProperty("school").GetProperty("id").GetString());
    }
}
