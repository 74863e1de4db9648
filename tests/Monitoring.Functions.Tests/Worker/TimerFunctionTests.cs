using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Functions.Batch;
using Monitoring.Functions.Collection;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Worker;

/// <summary>The batch function app's timer, run for real over a file store that the collection functions filled.</summary>
public sealed class TimerFunctionTests
{
    private static async Task<IHost> BatchAppAsync(string studyPath, string dataPath)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Monitoring:StudyPath"] = studyPath,
            ["Monitoring:Store"] = "file",
            ["Monitoring:DataPath"] = dataPath,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await BatchApp.AddBatchAsync(builder.Services, builder.Configuration, builder.Environment.ContentRootPath);
        return builder.Build();
    }

    private static Func<HttpRequestMessage> Get(string path, string key) => () =>
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    };

    [Fact]
    public async Task TheTimerRunsTheRealBatchAndPublishesWhatTheDownloadFunctionsThenServeAsTheServerWould()
    {
        await using var server = await RunningApp.StartAsync();
        var workerData = Path.Combine(server.Root, "worker-data");
        FunctionInvocationTests.CopyFolder(server.DataPath, workerData);
        await using var worker = await FunctionsWorker.StartAsync(server, workerData);
        var collection = new CollectionFunctions();
        foreach (var school in new[] { "a1", "b1" })
        {
            var body = RunningApp.Body(server.Token("T0", school)).ToJsonString();
            var stored = await worker.InvokeAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, "/api/responses"))
            { Content = new StringContent(body, Encoding.UTF8, "application/json") }, collection.ResponsesAsync);
            Assert.Equal(201, stored.Status);
        }

        using (var batch = await BatchAppAsync(Path.Combine(server.Root, "study"), workerData))
        {
            var timer = ActivatorUtilities.CreateInstance<NightlyBatchFunction>(batch.Services);
            await timer.RunAsync(new TimerInfo { IsPastDue = false }, CancellationToken.None);
        }

        var downloads = new DownloadFunctions();
        var datasets = await worker.InvokeAsync(Get("/api/datasets/latest", RunningApp.ResearcherKey)(), downloads.DatasetsAsync);
        Assert.Equal(200, datasets.Status);
        using (var zip = new ZipArchive(new MemoryStream(datasets.Body)))
        {
            var names = zip.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("datasets/responses.csv", names);
            Assert.Contains("manifest.json", names);
            Assert.Contains("reports/index.html", names);
            using var reader = new StreamReader(zip.GetEntry("datasets/cleaning_log.csv")!.Open());
            using var kept = new StreamReader(zip.GetEntry("datasets/responses.csv")!.Open());
            Assert.Equal(2, (await kept.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1
                            + (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        }
        var report = await worker.InvokeAsync(Get("/api/reports/net-a", RunningApp.CoordinatorAKey)(), r => downloads.ReportsAsync(r, "net-a"));
        Assert.Equal(200, report.Status);
        Assert.Contains("<section id=\"participation\"", Encoding.UTF8.GetString(report.Body), StringComparison.Ordinal);

        // The server, given the same published artifacts, serves the same bytes.
        FunctionInvocationTests.CopyFolder(Path.Combine(workerData, "artifacts"), Path.Combine(server.DataPath, "artifacts"));
        await FunctionInvocationTests.AssertSameAsync(server, worker, Get("/api/datasets/latest", RunningApp.ResearcherKey), downloads.DatasetsAsync);
        await FunctionInvocationTests.AssertSameAsync(server, worker, Get("/api/reports/net-a", RunningApp.CoordinatorAKey), r => downloads.ReportsAsync(r, "net-a"));
    }
}
