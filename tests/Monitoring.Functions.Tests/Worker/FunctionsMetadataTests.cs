using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Worker;

/// <summary>What the Functions host will read: the functions.metadata the worker SDK wrote, and each app's host.json.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly (string Name, string Method, string Route)[] HttpFunctions =
    [
        ("Questionnaire", "GET", "api/questionnaires/{token}"),
        ("Responses", "POST", "api/responses"),
        ("Status", "GET", "api/status/{token}"),
        ("StatusPage", "GET", "status/{token}"),
        ("Datasets", "GET", "api/datasets/latest"),
        ("Reports", "GET", "api/reports/{network}"),
        ("Page", "GET", "s/{token}"),
        ("Assets", "GET", "assets/{file}"),
    ];

    private static JsonElement Trigger(JsonElement function) =>
        Assert.Single(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void TheCollectionAppHasOneAnonymousHttpFunctionPerEndpointWithItsRouteAndMethod()
    {
        var metadata = WorkerApps.Metadata(WorkerApps.Collection);

        Assert.Equal(HttpFunctions.Select(f => f.Name).Order(), metadata.Select(f => f.GetProperty("name").GetString()!).Order());
        foreach (var (name, method, route) in HttpFunctions)
        {
            var function = metadata.Single(f => f.GetProperty("name").GetString() == name);
            Assert.Equal("dotnet-isolated", function.GetProperty("language").GetString());
            Assert.Equal("Monitoring.Functions.Collection.dll", function.GetProperty("scriptFile").GetString());
            var trigger = Trigger(function);
            Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
            Assert.Equal("In", trigger.GetProperty("direction").GetString());
            Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString()!.ToLowerInvariant());
            Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()));
            Assert.Equal(route, trigger.GetProperty("route").GetString());
        }
    }

    [Fact]
    public void TheBatchAppHasTheNightlyTimerWithItsScheduleFromTheAppSettings()
    {
        var function = Assert.Single(WorkerApps.Metadata(WorkerApps.Batch));

        Assert.Equal("NightlyBatch", function.GetProperty("name").GetString());
        Assert.Equal("Monitoring.Functions.Batch.dll", function.GetProperty("scriptFile").GetString());
        var trigger = Trigger(function);
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%Monitoring:Batch:Schedule%", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void TheDefaultScheduleIsAValidSixFieldExpressionAndTheExampleSettingsDefineIt()
    {
        var settings = WorkerApps.Json(Path.Combine(WorkerApps.Project(WorkerApps.Batch), "local.settings.json")).GetProperty("Values");

        Assert.Equal(new Monitoring.Functions.Hosting.BatchOptions().Schedule, settings.GetProperty("Monitoring__Batch__Schedule").GetString());
        Assert.Equal("dotnet-isolated", settings.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
    }

    [Fact]
    public async Task TheCollectionAppsFunctionsServeExactlyTheStandaloneServersRoutes()
    {
        await using var app = await RunningApp.StartAsync();
        var server = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order().ToArray();

        var functions = WorkerApps.Metadata(WorkerApps.Collection).Select(Trigger)
            .SelectMany(t => t.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetString()!.ToUpperInvariant()} {t.GetProperty("route").GetString()}"))
            .Order().ToArray();

        Assert.Equal(server, functions);
    }

    [Theory]
    [InlineData(WorkerApps.Collection)]
    [InlineData(WorkerApps.Batch)]
    public void EachAppsHostJsonIsForTheIsolatedWorkerWithoutACustomHandlerAndRoutesWithoutAPrefix(string app)
    {
        var host = WorkerApps.Json(Path.Combine(WorkerApps.Output(app), "host.json"));

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.False(host.TryGetProperty("customHandler", out _));
        if (app == WorkerApps.Collection)
            Assert.Equal("", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Empty(Directory.GetFiles(WorkerApps.Output(app), "function.json", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(WorkerApps.Output(app), "worker.config.json")));
    }
}
