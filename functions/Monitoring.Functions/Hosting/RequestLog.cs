using System.Diagnostics;

namespace Monitoring.Functions.Hosting;

/// <summary>
/// The request log, in place of ASP.NET Core's (whose "Request starting" lines carry the URL, and so the
/// link token): method, the matched route's pattern (<c>/api/questionnaires/{token}</c>, never the path
/// itself), status and time, at Debug. No path, query or client address is ever logged.
/// </summary>
internal static class RequestLog
{
    /// <summary>The log categories of ASP.NET Core that write request paths (with their tokens); the app switches them off at every level.</summary>
    public static readonly string[] SilencedCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Routing.Matching",
        "Microsoft.AspNetCore.Server.Kestrel.BadRequests",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.Http.Result",
    ];

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Monitoring.Requests");
        return app.Use(async (http, next) =>
        {
            if (!logger.IsEnabled(LogLevel.Debug))
            {
                await next(http).ConfigureAwait(false);
                return;
            }
            var start = Stopwatch.GetTimestamp();
            try
            {
                await next(http).ConfigureAwait(false);
            }
            finally
            {
                var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
                logger.LogDebug("{Method} {Route} answered {Status} in {Milliseconds:0.0} ms",
                    http.Request.Method, route, http.Response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        });
    }
}
