using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Functions.Access;
using Monitoring.Functions.Collection;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Worker;

/// <summary>
/// The collection function app's host, built by its own composition (<see cref="CollectionFunctionsApp"/>) but not
/// started (no Functions host here): its services answer the functions' requests, invoked in-process.
/// </summary>
internal sealed class FunctionsWorker : IAsyncDisposable
{
    private readonly IHost _host;

    private FunctionsWorker(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>The worker over the study of <paramref name="app"/> (the standalone server) with its own store: files in <paramref name="dataPath"/>, or the blob store in <paramref name="settings"/>.</summary>
    public static async Task<FunctionsWorker> StartAsync(RunningApp app, string dataPath, IDictionary<string, string?>? settings = null)
    {
        var builder = FunctionsApplication.CreateBuilder(["--contentRoot", app.Root]);
        var config = Settings(Path.Combine(app.Root, "study"), dataPath);
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<TimeProvider>(new ManualClock(app.Clock.Now));
        await CollectionFunctionsApp.ConfigureAsync(builder);
        var host = builder.Build();
        await CollectionApp.PrepareAsync(host.Services);
        return new FunctionsWorker(host);
    }

    /// <summary>The standalone test server's settings (RunningApp) over another data folder.</summary>
    public static Dictionary<string, string?> Settings(string studyPath, string dataPath) => new()
    {
        ["Monitoring:StudyPath"] = studyPath,
        ["Monitoring:DataPath"] = dataPath,
        ["Monitoring:LinkageSecret"] = RunningApp.LinkageSecret,
        ["Monitoring:Keys:0:Name"] = "researchers",
        ["Monitoring:Keys:0:Role"] = "researcher",
        ["Monitoring:Keys:0:Sha256"] = AccessKeys.HashOf(RunningApp.ResearcherKey),
        ["Monitoring:Keys:1:Name"] = "coordinator A",
        ["Monitoring:Keys:1:Role"] = "coordinator",
        ["Monitoring:Keys:1:Network"] = "net-a",
        ["Monitoring:Keys:1:Sha256"] = AccessKeys.HashOf(RunningApp.CoordinatorAKey),
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>
    /// Calls <paramref name="function"/> with a real ASP.NET Core <see cref="HttpContext"/> for <paramref name="request"/>,
    /// from a client at 127.0.0.1 (as the standalone test client), and returns the answer it wrote.
    /// </summary>
    public async Task<Answer> InvokeAsync(HttpRequestMessage request, Func<HttpRequest, Task> function)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Request.Method = request.Method.Method;
        http.Request.Scheme = "http";
        var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(new Uri("http://127.0.0.1/"), request.RequestUri);
        http.Request.Host = new HostString(uri.Authority);
        http.Request.Path = uri.AbsolutePath;
        http.Request.QueryString = new QueryString(uri.Query);
        foreach (var (name, values) in request.Headers) http.Request.Headers[name] = values.ToArray();
        if (request.Content is { } content)
        {
            var bytes = await content.ReadAsByteArrayAsync();
            foreach (var (name, values) in content.Headers) http.Request.Headers[name] = values.ToArray();
            http.Request.ContentLength = bytes.Length;
            http.Request.Body = new MemoryStream(bytes);
        }
        var body = new MemoryStream();
        http.Response.Body = body;
        await function(http.Request);
        var headers = http.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new Answer(http.Response.StatusCode, headers, body.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable d) await d.DisposeAsync();
        else _host.Dispose();
    }
}
