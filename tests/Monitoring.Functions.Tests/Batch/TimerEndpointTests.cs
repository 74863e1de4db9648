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
    public async Task TheStandInJobCountsTheStoredSubmissionsAndPublishesNothing()
    {
        await using var app = await RunningApp.StartAsync();
        await app.PostAsync(RunningApp.Body(app.Token("T0", "a1")));
        await app.PostAsync(RunningApp.Body(app.Token("T0", "b1")));

        var body = await RunningApp.JsonAsync(await app.Client.PostAsync("/NightlyBatch", new StringContent(HostPayload, Encoding.UTF8, "application/json")));

        Assert.Equal(2, body.GetProperty("ReturnValue").GetProperty("submissions").GetInt32());
        Assert.Equal(0, body.GetProperty("ReturnValue").GetProperty("published").GetArrayLength());
        Assert.Null(await app.Artifacts.OpenReadAsync("latest/datasets.zip"));
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
