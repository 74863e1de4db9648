namespace Monitoring.Functions.Hosting;

/// <summary>
/// HEAD on every GET route: routing sees a HEAD request as GET, the endpoint runs as for GET (every
/// GET endpoint here is free of side effects), and Kestrel, which knows the request was HEAD, sends the
/// status and headers without the body.
/// </summary>
internal static class HeadRequests
{
    private const string WasHead = "monitoring.head";

    /// <summary>Before routing: HEAD becomes GET.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (HttpMethods.IsHead(http.Request.Method))
        {
            http.Items[WasHead] = true;
            http.Request.Method = HttpMethods.Get;
        }
        return next(http);
    });

    /// <summary>After routing: the request is HEAD again, so nothing downstream mistakes it for GET.</summary>
    public static IApplicationBuilder UseHeadRestored(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Items.ContainsKey(WasHead)) http.Request.Method = HttpMethods.Head;
        return next(http);
    });
}
