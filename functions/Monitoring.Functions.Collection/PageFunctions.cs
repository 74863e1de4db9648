using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Page;

namespace Monitoring.Functions.Collection;

/// <summary>The questionnaire page and its assets as functions: each calls <see cref="PageEndpoints"/>' handler.</summary>
public sealed class PageFunctions
{
    /// <summary>GET s/{token}: the questionnaire page (it reads its token from its own path).</summary>
    [Function("Page")]
    public Task PageAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s/{token}")] HttpRequest request, string token) =>
        EndpointResponse.WriteAsync(request.HttpContext, () => Task.FromResult(PageEndpoints.GetPage(request.HttpContext)));

    /// <summary>GET status/{token}: the school contact's status page (the same page, which reads the status token from its path).</summary>
    [Function("StatusPage")]
    public Task StatusPageAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status/{token}")] HttpRequest request, string token) =>
        EndpointResponse.WriteAsync(request.HttpContext, () => Task.FromResult(PageEndpoints.GetPage(request.HttpContext)));

    /// <summary>GET assets/{file}: the page's CSS and JavaScript.</summary>
    [Function("Assets")]
    public Task AssetsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{file}")] HttpRequest request, string file) =>
        EndpointResponse.WriteAsync(request.HttpContext, () => Task.FromResult(PageEndpoints.GetAsset(file, request.HttpContext)));
}
