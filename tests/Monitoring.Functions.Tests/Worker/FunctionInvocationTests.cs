using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Monitoring.Functions.Collection;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Worker;

/// <summary>
/// Each function of the collection app, invoked with a real HttpContext over its own file store, answers byte for
/// byte as the standalone server does over real HTTP to the same request (status, the headers clients use, body).
/// </summary>
public sealed partial class FunctionInvocationTests : IAsyncLifetime
{
    private RunningApp _server = null!;
    private FunctionsWorker _worker = null!;
    private string _workerData = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningApp.StartAsync();
        _workerData = Path.Combine(_server.Root, "worker-data");
        CopyFolder(_server.DataPath, _workerData); // the same invitations (tokens) in the worker's own store
        _worker = await FunctionsWorker.StartAsync(_server, _workerData);
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _server.DisposeAsync();
    }

    internal static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>Sends the request to the server and to the function; asserts that both answer the same; returns the answer.</summary>
    internal static async Task<Answer> AssertSameAsync(RunningApp server, FunctionsWorker worker, Func<HttpRequestMessage> request, Func<HttpRequest, Task> function)
    {
        using var toServer = request();
        toServer.RequestUri = new Uri(server.BaseAddress, toServer.RequestUri!);
        var expected = await Answer.OfAsync(await server.Client.SendAsync(toServer));
        using var toFunction = request();
        toFunction.RequestUri = new Uri(server.BaseAddress, toFunction.RequestUri!);
        var actual = await worker.InvokeAsync(toFunction, function);

        var what = $"{toServer.Method} {toServer.RequestUri.PathAndQuery}\nserver:   {expected}\nfunction: {actual}";
        Assert.True(expected.Status == actual.Status, what);
        foreach (var header in Answer.Compared)
            Assert.True(expected.Header(header) == actual.Header(header), $"{header} differs.\n{what}");
        // A ProblemDetails body carries the request's own trace id; everything else must be the same bytes.
        Assert.True(WithoutTraceId(expected.Body).AsSpan().SequenceEqual(WithoutTraceId(actual.Body)), $"The bodies differ.\n{what}");
        return actual;
    }

    private static byte[] WithoutTraceId(byte[] body) =>
        body.Length > 0 && body[0] == (byte)'{'
            ? Encoding.UTF8.GetBytes(TraceId().Replace(Encoding.UTF8.GetString(body), "\"traceId\":\"…\""))
            : body;

    [System.Text.RegularExpressions.GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex TraceId();

    private Task<Answer> SameAsync(Func<HttpRequestMessage> request, Func<HttpRequest, Task> function) => AssertSameAsync(_server, _worker, request, function);

    private static Func<HttpRequestMessage> Get(string path, string? key = null, string? ifNoneMatch = null) => () =>
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return request;
    };

    private static Func<HttpRequestMessage> Post(string body, string contentType = "application/json") => () =>
        new HttpRequestMessage(HttpMethod.Post, new Uri("/api/responses", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    [Fact]
    public async Task ThePageAndItsAssetsAnswerAsTheServerIncludingNotModifiedAndAnUnknownAsset()
    {
        var pages = new PageFunctions();
        var token = _server.Token("T0", "a1");

        var page = await SameAsync(Get($"/s/{token}"), r => pages.PageAsync(r, token));
        await SameAsync(Get("/assets/app.js"), r => pages.AssetsAsync(r, "app.js"));
        await SameAsync(Get("/assets/app.css"), r => pages.AssetsAsync(r, "app.css"));
        await SameAsync(Get($"/s/{token}", ifNoneMatch: page.Header("ETag")), r => pages.PageAsync(r, token));
        var missing = await SameAsync(Get("/assets/nothing.js"), r => pages.AssetsAsync(r, "nothing.js"));
        await SameAsync(Get("/assets/index.html"), r => pages.AssetsAsync(r, "index.html"));

        Assert.Equal(200, page.Status);
        Assert.Equal(404, missing.Status);
        Assert.StartsWith("application/problem+json", missing.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQuestionnaireFunctionAnswersAsTheServerInEachLanguageAndForBadLanguagesAndUnknownTokens()
    {
        var functions = new CollectionFunctions();
        var token = _server.Token("T0", "a1");

        var nl = await SameAsync(Get($"/api/questionnaires/{token}"), r => functions.QuestionnaireAsync(r, token));
        await SameAsync(Get($"/api/questionnaires/{token}?lang=en"), r => functions.QuestionnaireAsync(r, token));
        var bad = await SameAsync(Get($"/api/questionnaires/{token}?lang=fr"), r => functions.QuestionnaireAsync(r, token));
        await SameAsync(Get($"/api/questionnaires/{token}?lang="), r => functions.QuestionnaireAsync(r, token));
        await SameAsync(Get("/api/questionnaires/not-a-token"), r => functions.QuestionnaireAsync(r, "not-a-token"));
        var t1 = _server.Token("T1", "a1");
        var closed = await SameAsync(Get($"/api/questionnaires/{t1}"), r => functions.QuestionnaireAsync(r, t1));

        Assert.Equal(200, nl.Status);
        Assert.Equal(400, bad.Status);
        Assert.Equal(403, closed.Status);
    }

    [Fact]
    public async Task TheResponsesFunctionStoresAndAnswersAsTheServerForNewRepeatedReusedAndBadSubmissions()
    {
        var functions = new CollectionFunctions();
        var body = RunningApp.Body(_server.Token("T0", "a2"), id: "0f8fad5b-d9cb-469f-a165-70867728950e");
        var reused = RunningApp.Body(_server.Token("T0", "a2"), id: "0f8fad5b-d9cb-469f-a165-70867728950e", wb01: 4);
        var invalid = RunningApp.Body(_server.Token("T0", "a2"));
        invalid["answers"]!["wb_01"] = 99;
        invalid.Remove("role");

        var created = await SameAsync(Post(body.ToJsonString()), functions.ResponsesAsync);
        var again = await SameAsync(Post(body.ToJsonString()), functions.ResponsesAsync);
        var conflict = await SameAsync(Post(reused.ToJsonString()), functions.ResponsesAsync);
        var problems = await SameAsync(Post(invalid.ToJsonString()), functions.ResponsesAsync);
        await SameAsync(Post("{\"token\": "), functions.ResponsesAsync);
        await SameAsync(Post("token=x", "application/x-www-form-urlencoded"), functions.ResponsesAsync);
        await SameAsync(Post(new JsonObject { ["token"] = "nope" }.ToJsonString()), functions.ResponsesAsync);
        await SameAsync(Post(new string(' ', 70 * 1024)), functions.ResponsesAsync);

        Assert.Equal([201, 200, 409, 400], new[] { created.Status, again.Status, conflict.Status, problems.Status });
        Assert.True(File.Exists(Path.Combine(_workerData, "submissions", "test-study", "T0", "a2", "0f8fad5b-d9cb-469f-a165-70867728950e.json")));
    }

    [Fact]
    public async Task TheStatusFunctionCountsAsTheServerDoes()
    {
        var functions = new CollectionFunctions();
        var token = _server.Token("T0", "b1");
        for (var i = 0; i < 6; i++)
        {
            var body = RunningApp.Body(token, id: $"00000000-0000-4000-8000-00000000000{i}").ToJsonString();
            await SameAsync(Post(body), functions.ResponsesAsync);
        }

        var statusToken = _server.StatusToken("T0", "b1");
        var status = await SameAsync(Get($"/api/status/{statusToken}"), r => functions.StatusAsync(r, statusToken));
        var small = _server.StatusToken("T0", "b2");
        await SameAsync(Get($"/api/status/{small}"), r => functions.StatusAsync(r, small));
        await SameAsync(Get("/api/status/unknown"), r => functions.StatusAsync(r, "unknown"));

        Assert.Equal(200, status.Status);
        Assert.Contains("\"responses\":6", Encoding.UTF8.GetString(status.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDownloadFunctionsRefuseAndServeAsTheServerDoes()
    {
        var downloads = new DownloadFunctions();

        await SameAsync(Get("/api/datasets/latest"), downloads.DatasetsAsync);
        await SameAsync(Get("/api/datasets/latest", key: "wrong-key-0123456789"), downloads.DatasetsAsync);
        await SameAsync(Get("/api/datasets/latest", key: RunningApp.CoordinatorAKey), downloads.DatasetsAsync);
        var none = await SameAsync(Get("/api/datasets/latest", key: RunningApp.ResearcherKey), downloads.DatasetsAsync);
        await SameAsync(Get("/api/reports/net-a", key: RunningApp.CoordinatorAKey), r => downloads.ReportsAsync(r, "net-a"));
        await SameAsync(Get("/api/reports/net-b", key: RunningApp.CoordinatorAKey), r => downloads.ReportsAsync(r, "net-b"));
        await SameAsync(Get("/api/reports/nowhere", key: RunningApp.ResearcherKey), r => downloads.ReportsAsync(r, "nowhere"));

        Assert.Equal(404, none.Status);
    }
}
