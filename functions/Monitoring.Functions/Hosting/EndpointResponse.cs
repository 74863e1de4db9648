using Microsoft.Net.Http.Headers;

namespace Monitoring.Functions.Hosting;

/// <summary>
/// Writes a handler's result as the standalone pipeline does (UseExceptionHandler, then UseStatusCodePages, both
/// with ProblemDetails), so that a function of the worker app answers exactly as the server's endpoint.
/// </summary>
public static class EndpointResponse
{
    /// <summary>Runs <paramref name="handler"/> and writes its result to <paramref name="http"/>'s response.</summary>
    public static async Task WriteAsync(HttpContext http, Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(handler);
        IResult result;
        try
        {
            result = await handler().ConfigureAwait(false);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Monitoring.Functions").LogError(e, "An unhandled exception has occurred while executing the request.");
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            var headers = http.Response.Headers;
            headers.CacheControl = "no-cache,no-store";
            headers.Pragma = "no-cache";
            headers.Expires = "-1";
            headers.Remove(HeaderNames.ETag);
            await WriteProblemAsync(http, e).ConfigureAwait(false);
            return;
        }
        await result.ExecuteAsync(http).ConfigureAwait(false);
        var response = http.Response;
        if (!response.HasStarted && response.StatusCode is >= 400 and < 600 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
            await WriteProblemAsync(http, null).ConfigureAwait(false);
    }

    private static async Task WriteProblemAsync(HttpContext http, Exception? exception)
    {
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode },
            Exception = exception,
        }).ConfigureAwait(false);
    }
}
