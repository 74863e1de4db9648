using Microsoft.AspNetCore.Diagnostics;
using Monitoring.Core.Submissions;
using Monitoring.Functions.Collection;

namespace Monitoring.Functions.Hosting;

/// <summary>
/// The faults that are not the app's bugs, answered as ProblemDetails and logged as one warning line
/// without a stack trace: broken request framing from Kestrel (a bad chunk size, a truncated body: 400; a
/// body too slow for <c>MinRequestBodyDataRate</c>: 408) and a full store (507 with Retry-After; nothing was
/// stored, so the client's retry stores it once space is back).
/// </summary>
internal sealed class RequestFaults(ILogger<RequestFaults> logger) : IExceptionHandler
{
    /// <summary>What a client is told to wait when the store is full, in seconds.</summary>
    public const int FullStoreRetryAfterSeconds = 60;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult answer;
        switch (exception)
        {
            case BadHttpRequestException bad:
                logger.LogWarning("Rejected a request with broken framing ({Status}): {Reason}", bad.StatusCode, bad.Message);
                answer = Problems.Of(bad.StatusCode, bad.StatusCode == StatusCodes.Status408RequestTimeout ? "Request body too slow" : "Bad request",
                    bad.StatusCode == StatusCodes.Status408RequestTimeout
                        ? "The request body arrived too slowly; nothing was stored. Send it again."
                        : "The request could not be read (its framing is broken or it ended early); nothing was stored. Send it again.");
                break;
            case StoreFullException full:
                logger.LogWarning("The store is full; answered 507 (Retry-After {Seconds} s): {Reason}", FullStoreRetryAfterSeconds, full.Message);
                httpContext.Response.Headers.RetryAfter = FullStoreRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                answer = Problems.Of(StatusCodes.Status507InsufficientStorage, "Storage full",
                    "The server cannot store anything right now; nothing was stored. Your answers are kept: send them again in a minute.");
                break;
            default:
                return false;
        }
        if (httpContext.Response.HasStarted) return true;
        httpContext.Response.StatusCode = answer is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status500InternalServerError;
        await answer.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }
}
