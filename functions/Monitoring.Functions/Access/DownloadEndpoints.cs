using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;
using Monitoring.Functions.Collection;

namespace Monitoring.Functions.Access;

/// <summary>The latest batch outputs: datasets for researchers, a network's report for its coordinator.</summary>
internal static class DownloadEndpoints
{
    /// <summary>The artifact of the latest datasets.</summary>
    public const string DatasetsArtifact = PublishedArtifacts.Datasets;

    /// <summary>The artifact of a network's latest report.</summary>
    public static string ReportArtifact(NetworkId network) => PublishedArtifacts.Report(network);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/datasets/latest", GetDatasets);
        app.MapGet("/api/reports/{network}", GetReport);
    }

    internal static async Task<IResult> GetDatasets(HttpContext http, AccessKeys keys, IArtifactStore artifacts, CollectionRateLimiter limiter, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!limiter.TryAddress(http, out var wait)) return Problems.RateLimited(wait, http);
        var grant = keys.Authenticate(http.Request);
        if (grant is null) return Unauthorized(http);
        if (!grant.OpensDatasets)
            return Problems.Of(403, "Not allowed", "The datasets are for researchers; this key opens one network's report only.");
        var stream = await artifacts.OpenReadAsync(DatasetsArtifact, cancellationToken).ConfigureAwait(false);
        if (stream is null) return Problems.Of(404, "No datasets yet", "No batch has published datasets yet; they appear after the next (nightly) run.");
        return TypedResults.Stream(stream, "application/zip", "monitoring-datasets-latest.zip");
    }

    internal static async Task<IResult> GetReport(string network, HttpContext http, AccessKeys keys, IArtifactStore artifacts, Study study, CollectionRateLimiter limiter, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!limiter.TryAddress(http, out var wait)) return Problems.RateLimited(wait, http);
        var grant = keys.Authenticate(http.Request);
        if (grant is null) return Unauthorized(http);
        var id = new NetworkId(network);
        if (!grant.OpensReport(id))
            return Problems.Of(403, "Not allowed", "This key opens another network's report only.");
        if (study.FindNetwork(id) is null)
            return Problems.Of(404, "Unknown network", $"Network '{network}' is not part of study '{study.Id}'.");
        var stream = await artifacts.OpenReadAsync(ReportArtifact(id), cancellationToken).ConfigureAwait(false);
        if (stream is null) return Problems.Of(404, "No report yet", $"No batch has published a report for '{network}' yet; it appears after the next (nightly) run.");
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(stream, "text/html; charset=utf-8");
    }

    private static IResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Of(401, "Key required", "Send your download key as 'Authorization: Bearer <key>'; the key was missing or is not valid.");
    }
}
