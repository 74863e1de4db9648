using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Core.Instruments;
using Monitoring.Core.Submissions;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Collection;

public sealed class ResponseEndpointTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AValidSubmissionIsStoredBeforeTheCreatedReceiptGoesOut()
    {
        var body = RunningApp.Body(_app.Token("T0", "a2"), id: "0f8fad5b-d9cb-469f-a165-70867728950e");

        var response = await _app.PostAsync(body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await RunningApp.JsonAsync(response);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", receipt.GetProperty("submissionId").GetString());
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", receipt.GetProperty("receipt").GetString());
        var file = Path.Combine(_app.DataPath, "submissions", "test-study", "T0", "a2", "0f8fad5b-d9cb-469f-a165-70867728950e.json");
        var stored = SubmissionJson.Deserialize(await File.ReadAllBytesAsync(file));
        Assert.Equal("teacher", stored.Role.Value);
        Assert.Equal(TestStudy.InT0, stored.Received);
        Assert.Equal(DateTimeOffset.Parse("2021-10-18T09:40:00+02:00"), stored.Started);
        Assert.Equal(new Dictionary<ItemId, int> { [new("wb_01")] = 3, [new("wb_02")] = 0, [new("wb_03")] = 5, [new("gl_01")] = 1, [new("gl_02")] = 4, [new("gl_04")] = 2 },
            stored.Answers.ToDictionary());
    }

    [Fact]
    public async Task TheLinkageAnswersAreKeptOnlyAsAKeyedHashThatMatchesAcrossSpellings()
    {
        var first = RunningApp.Body(_app.Token("T0", "a1"));
        var second = RunningApp.Body(_app.Token("T0", "a1"));
        second["linkage"] = new JsonObject { ["mother_initials"] = " AN ", ["birth_day"] = "7", ["birthplace_initials"] = "ge" };
        var third = RunningApp.Body(_app.Token("T0", "a1"));
        third["linkage"] = new JsonObject { ["mother_initials"] = "AN", ["birth_day"] = "8", ["birthplace_initials"] = "GE" };

        foreach (var b in new[] { first, second, third }) Assert.Equal(HttpStatusCode.Created, (await _app.PostAsync(b)).StatusCode);

        var stored = (await _app.StoredAsync()).ToDictionary(s => s.Id.Value);
        var code = stored[first["submissionId"]!.ToString()].LinkageCode;
        Assert.Matches("^[0-9a-f]{64}$", code);
        Assert.Equal(code, stored[second["submissionId"]!.ToString()].LinkageCode);
        Assert.NotEqual(code, stored[third["submissionId"]!.ToString()].LinkageCode);
        var expected = new LinkageKey(Convert.FromBase64String(RunningApp.LinkageSecret))
            .Code(new Dictionary<string, string> { ["mother_initials"] = "AN", ["birth_day"] = "7", ["birthplace_initials"] = "GE" });
        Assert.Equal(expected, code);
        var raw = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(_app.DataPath, "submissions"), "*.json", SearchOption.AllDirectories)[0]);
        Assert.DoesNotContain("127.0.0.1", raw);
        Assert.DoesNotContain("\"AN\"", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WithoutLinkageTheCodeIsNull()
    {
        var body = RunningApp.Body(_app.Token("T0", "a1"));
        body.Remove("linkage");

        Assert.Equal(HttpStatusCode.Created, (await _app.PostAsync(body)).StatusCode);
        Assert.Null(Assert.Single(await _app.StoredAsync()).LinkageCode);
    }

    [Fact]
    public async Task TheSameSubmissionAgainGetsOkWithTheSameReceiptAndIsStoredOnce()
    {
        var body = RunningApp.Body(_app.Token("T0", "a1"));
        var first = await _app.PostAsync(body);
        _app.Clock.Now = TestStudy.InT0.AddMinutes(3);

        var again = await _app.PostAsync(body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(TestStudy.InT0, Assert.Single(await _app.StoredAsync()).Received);
    }

    [Fact]
    public async Task TheSameIdWithOtherAnswersIsAConflictAndKeepsTheFirst()
    {
        await _app.PostAsync(RunningApp.Body(_app.Token("T0", "a1"), id: "reused-id", wb01: 1));

        var response = await _app.PostAsync(RunningApp.Body(_app.Token("T0", "a1"), id: "reused-id", wb01: 4));

        await Expect.ProblemAsync(response, HttpStatusCode.Conflict, ("id-reused", "submissionId"));
        Assert.Equal(1, Assert.Single(await _app.StoredAsync()).Answers[new ItemId("wb_01")]);
    }

    [Fact]
    public async Task ConcurrentDuplicatesAreStoredOnceAndAllGetTheSameReceipt()
    {
        var body = RunningApp.Body(_app.Token("T0", "a3"));
        using var clients = new HttpClient { BaseAddress = _app.BaseAddress };

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            clients.PostAsync("/api/responses", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var receipts = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(receipts.Distinct());
        Assert.Single(await _app.StoredAsync());
    }

    [Fact]
    public async Task EveryProblemIsNamedAndNothingIsStored()
    {
        var body = RunningApp.Body(_app.Token("T0", "a1"));
        body["role"] = "janitor";
        body["language"] = "fr";
        body["started"] = "2021-10-18T10:00:00+02:00";
        body["submitted"] = "2021-10-18T09:00:00+02:00";
        body["linkage"] = new JsonObject { ["mother_initials"] = "A1", ["birth_day"] = "32" };
        body["answers"] = new JsonObject
        {
            ["wb_01"] = 6, ["wb_02"] = 2.5, ["wb_03"] = "vaak", ["gl_01"] = -1, ["xx_99"] = 3, ["gl_02"] = 4,
        };
        body["favouriteColour"] = "blue";

        var response = await _app.PostAsync(body);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest,
            ("unknown-field", "favouriteColour"),
            ("unknown-role", "role"),
            ("unknown-language", "language"),
            ("invalid-linkage", "linkage.mother_initials"),
            ("invalid-linkage", "linkage.birth_day"),
            ("missing-field", "linkage.birthplace_initials"),
            ("started-after-submitted", "started"),
            ("out-of-range", "answers.wb_01"),
            ("not-a-whole-number", "answers.wb_02"),
            ("not-a-number", "answers.wb_03"),
            ("out-of-range", "answers.gl_01"),
            ("unknown-item", "answers.xx_99"));
        var wb01 = problem.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "answers.wb_01");
        Assert.Equal("wb_01", wb01.GetProperty("item").GetString());
        Assert.Contains("0–5", wb01.GetProperty("message").GetString());
        Assert.Empty(await _app.StoredAsync());
    }

    [Fact]
    public async Task AnItemOutsideTheWaveIsRejected()
    {
        _app.Clock.Now = TestStudy.InT1;
        var body = RunningApp.Body(_app.Token("T1", "a1"));

        var response = await _app.PostAsync(body);

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest,
            ("item-not-in-wave", "answers.wb_01"), ("item-not-in-wave", "answers.wb_02"), ("item-not-in-wave", "answers.wb_03"));
    }

    [Fact]
    public async Task MissingFieldsAreEachNamed()
    {
        var response = await _app.PostAsync(new JsonObject { ["token"] = _app.Token("T0", "a1") });

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest,
            ("missing-field", "submissionId"), ("missing-field", "role"), ("missing-field", "language"),
            ("missing-field", "started"), ("missing-field", "submitted"), ("missing-field", "answers"));
    }

    [Fact]
    public async Task BadShapesAreEachNamed()
    {
        var body = RunningApp.Body(_app.Token("T0", "a1"));
        body["submissionId"] = "has spaces/and slashes";
        body["started"] = "yesterday";
        body["submitted"] = "2021-10-18T09:52:30";
        body["answers"] = new JsonObject();

        var response = await _app.PostAsync(body);

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest,
            ("invalid-submission-id", "submissionId"), ("invalid-timestamp", "started"), ("invalid-timestamp", "submitted"), ("no-answers", "answers"));
    }

    [Fact]
    public async Task AMissingTokenIsABadRequestAndAnUnknownOneNotFound()
    {
        var noToken = RunningApp.Body("x");
        noToken.Remove("token");
        var unknown = RunningApp.Body("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        await Expect.ProblemAsync(await _app.PostAsync(noToken), HttpStatusCode.BadRequest, ("missing-field", "token"));
        await Expect.ProblemAsync(await _app.PostAsync(unknown), HttpStatusCode.NotFound, ("unknown-token", "token"));
        Assert.Empty(await _app.StoredAsync());
    }

    [Fact]
    public async Task AClosedWaveIsForbiddenAndNothingIsStored()
    {
        _app.Clock.Now = TestStudy.T0Closes.AddTicks(1);

        var response = await _app.PostAsync(RunningApp.Body(_app.Token("T0", "a1")));

        await Expect.ProblemAsync(response, HttpStatusCode.Forbidden, ("wave-closed", "token"));
        Assert.Empty(await _app.StoredAsync());
    }

    [Fact]
    public async Task ATooLargeBodyIsRejectedWhetherOrNotItAnnouncesItsLength()
    {
        var body = RunningApp.Body(_app.Token("T0", "a1"));
        body["padding"] = new string('x', 70_000);
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());

        var announced = await _app.Client.PostAsync("/api/responses", new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/json" } } });
        var chunked = new StreamContent(new MemoryStream(bytes));
        chunked.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/responses") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var streamed = await _app.Client.SendAsync(request);

        await Expect.ProblemAsync(announced, HttpStatusCode.RequestEntityTooLarge, ("too-large", "$"));
        await Expect.ProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge, ("too-large", "$"));
        Assert.Empty(await _app.StoredAsync());
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsABadRequest()
    {
        var response = await _app.Client.PostAsync("/api/responses", new StringContent("{\"token\": ", Encoding.UTF8, "application/json"));

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, ("invalid-json", "$"));
    }

    [Fact]
    public async Task ABodyThatIsNotDeclaredJsonIsUnsupported()
    {
        var response = await _app.Client.PostAsync("/api/responses", new StringContent(RunningApp.Body(_app.Token("T0", "a1")).ToJsonString(), Encoding.UTF8, "text/plain"));

        await Expect.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }
}
