using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;
using Monitoring.Functions.Access;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Collection;

/// <summary>The downloads of the latest batch outputs as functions: each calls <see cref="DownloadEndpoints"/>' handler.</summary>
public sealed class DownloadFunctions
{
    /// <summary>GET api/datasets/latest: the datasets zip, for a researcher's key.</summary>
    [Function("Datasets")]
    public Task DatasetsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/datasets/latest")] HttpRequest request)
    {
        var services = request.HttpContext.RequestServices;
        return EndpointResponse.WriteAsync(request.HttpContext, () => DownloadEndpoints.GetDatasets(request.HttpContext,
            services.GetRequiredService<AccessKeys>(), services.GetRequiredService<IArtifactStore>(), services.GetRequiredService<CollectionRateLimiter>(),
            request.HttpContext.RequestAborted));
    }

    /// <summary>GET api/reports/{network}: a network's report, for a researcher's key or that network's coordinator key.</summary>
    [Function("Reports")]
    public Task ReportsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{network}")] HttpRequest request, string network)
    {
        var services = request.HttpContext.RequestServices;
        return EndpointResponse.WriteAsync(request.HttpContext, () => DownloadEndpoints.GetReport(network, request.HttpContext,
            services.GetRequiredService<AccessKeys>(), services.GetRequiredService<IArtifactStore>(), services.GetRequiredService<Study>(),
            services.GetRequiredService<CollectionRateLimiter>(), request.HttpContext.RequestAborted));
    }
}
