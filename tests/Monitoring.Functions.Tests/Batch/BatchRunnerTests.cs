using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Batch.Publishing;
using Monitoring.Functions.Batch;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Batch;

/// <summary>The standalone server's batch (its local schedule calls the <see cref="BatchRunner"/>).</summary>
public sealed class BatchRunnerTests
{
    private sealed class BlockingJob : IBatchJob
    {
        public readonly TaskCompletionSource Release = new();
        public int Runs;

        public async Task<BatchJobResult> RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Runs);
            await Release.Task;
            return new BatchJobResult(7, ["latest/datasets.zip"], "7 submissions, 1 artifact");
        }
    }

    [Fact]
    public async Task ATriggerWhileARunIsGoingIsSkippedAndTheRunCompletes()
    {
        var job = new BlockingJob();
        await using var app = await RunningApp.StartAsync(services: s => s.AddSingleton<IBatchJob>(job));
        var runner = app.Services.GetRequiredService<BatchRunner>();

        var first = runner.TryRunAsync("first", CancellationToken.None);
        var second = await runner.TryRunAsync("second", CancellationToken.None);
        job.Release.SetResult();

        Assert.Null(second);
        Assert.Equal(7, (await first)!.Submissions);
        Assert.Equal(1, job.Runs);
    }

    [Fact]
    public async Task TheNightlyBatchAnalysesTheStoredSubmissionsAndPublishesDatasetsThatResearchersCanDownload()
    {
        await using var app = await RunningApp.StartAsync();
        await app.PostAsync(RunningApp.Body(app.Token("T0", "a1")));
        await app.PostAsync(RunningApp.Body(app.Token("T0", "b1")));

        var result = await app.Services.GetRequiredService<BatchRunner>().TryRunAsync("test", CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal(2, result.Submissions);
        Assert.Contains("latest/datasets.zip", result.Published);
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
        Assert.Contains("latest/reports/net-a.html", result.Published);
        using var reportRequest = new HttpRequestMessage(HttpMethod.Get, "/api/reports/net-a");
        reportRequest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RunningApp.CoordinatorAKey);
        var report = await app.Client.SendAsync(reportRequest);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var html = await report.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<section id=\"participation\"", html, StringComparison.Ordinal);
    }

}
