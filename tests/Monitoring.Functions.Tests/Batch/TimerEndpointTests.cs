using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Functions.Batch;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Batch;

public sealed class TimerEndpointTests
{
    // The shape the Functions host posts to a custom handler for a timer trigger named "timer".
    private const string HostPayload = """
    {
      "Data": {
        "timer": {
          "Schedule": { "AdjustForDST": true },
          "ScheduleStatus": { "Last": "2021-10-18T02:00:00.0000000+00:00", "Next": "2021-10-19T02:00:00+00:00", "LastUpdated": "2021-10-18T02:00:00.0000000+00:00" },
          "IsPastDue": false
        }
      },
      "Metadata": {
        "sys": { "MethodName": "NightlyBatch", "UtcNow": "2021-10-19T02:00:00.0123456Z", "RandGuid": "6b2b1a54-0a7c-4f32-9a1b-3c2f8e4c1d11" }
      }
    }
    """;

    private sealed class CountingJob : IBatchJob
    {
        public int Runs;

        public Task<BatchJobResult> RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Runs);
            return Task.FromResult(new BatchJobResult(7, ["latest/datasets.zip"], "7 submissions, 1 artifact"));
        }
    }

    [Fact]
    public async Task TheHostsTimerPayloadRunsTheBatchOnceAndGetsTheCustomHandlerResponse()
    {
        var job = new CountingJob();
        await using var app = await RunningApp.StartAsync(services: s => s.AddSingleton<IBatchJob>(job));

        var response = await app.Client.PostAsync("/NightlyBatch", new StringContent(HostPayload, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await RunningApp.JsonAsync(response);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal("7 submissions, 1 artifact", body.GetProperty("Logs")[0].GetString());
        Assert.Equal(7, body.GetProperty("ReturnValue").GetProperty("submissions").GetInt32());
        Assert.Equal(1, job.Runs);
    }

    [Fact]
    public async Task TheNightlyBatchAnalysesTheStoredSubmissionsAndPublishesDatasetsThatResearchersCanDownload()
    {
        await using var app = await RunningApp.StartAsync();
        await app.PostAsync(RunningApp.Body(app.Token("T0", "a1")));
        await app.PostAsync(RunningApp.Body(app.Token("T0", "b1")));

        var body = await RunningApp.JsonAsync(await app.Client.PostAsync("/NightlyBatch", new StringContent(HostPayload, Encoding.UTF8, "application/json")));

        Assert.Equal(2, body.GetProperty("ReturnValue").GetProperty("submissions").GetInt32());
        Assert.Contains("latest/datasets.zip", body.GetProperty("ReturnValue").GetProperty("published").EnumerateArray().Select(e => e.GetString()));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datasets/latest");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RunningApp.ResearcherKey);
        var download = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await download.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("datasets/responses.csv", names);
        Assert.Contains("datasets/cleaning_log.csv", names);
        Assert.Contains("manifest.json", names);
        using var reader = new StreamReader(zip.GetEntry("datasets/responses.csv")!.Open());
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var kept = lines.Length - 1;
        using var log = new StreamReader(zip.GetEntry("datasets/cleaning_log.csv")!.Open());
        var excluded = (await log.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Equal(2, kept + excluded);
        Assert.Contains("reports/index.html", names);

        // The coordinator of net-a reads the report the batch just rendered; no group is large enough to show a mean.
        Assert.Contains("latest/reports/net-a.html", body.GetProperty("ReturnValue").GetProperty("published").EnumerateArray().Select(e => e.GetString()));
        using var reportRequest = new HttpRequestMessage(HttpMethod.Get, "/api/reports/net-a");
        reportRequest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RunningApp.CoordinatorAKey);
        var report = await app.Client.SendAsync(reportRequest);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var html = await report.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<section id=\"participation\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Metadata\": {}}")]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    public async Task APayloadThatIsNotTheHostsIsABadRequest(string payload)
    {
        var job = new CountingJob();
        await using var app = await RunningApp.StartAsync(services: s => s.AddSingleton<IBatchJob>(job));

        var response = await app.Client.PostAsync("/NightlyBatch", new StringContent(payload, Encoding.UTF8, "application/json"));

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, job.Runs);
    }

    [Fact]
    public async Task StandaloneTheTimerRouteIsNotServedByDefault()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["Monitoring:Batch:TimerEndpoint"] = null });

        var response = await app.Client.PostAsync("/NightlyBatch", new StringContent(HostPayload, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
