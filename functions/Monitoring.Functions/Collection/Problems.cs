using Microsoft.AspNetCore.Mvc;
using Monitoring.Core.Submissions;

namespace Monitoring.Functions.Collection;

/// <summary>The app's ProblemDetails responses: each says what is wrong and, in <c>errors</c>, every problem with its field.</summary>
internal static class Problems
{
    public static IResult Of(int status, string title, string detail, IReadOnlyList<SubmissionProblem>? errors = null, IDictionary<string, object?>? extra = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://tools.ietf.org/html/rfc9110#status.{status}",
        };
        if (errors is { Count: > 0 })
            problem.Extensions["errors"] = errors.Select(e => new ProblemEntry(e.Code, e.Field, e.Message, e.Item)).ToArray();
        if (extra is not null)
            foreach (var (key, value) in extra) problem.Extensions[key] = value;
        return TypedResults.Problem(problem);
    }

    public static IResult UnknownToken() =>
        Of(StatusCodes.Status404NotFound, "Unknown link",
            "This link is not (or no longer) valid. Ask your school's contact person for the current link.",
            [new SubmissionProblem("unknown-token", "token", "The token does not belong to any invitation.")]);

    public static IResult CodeRequired() =>
        Of(StatusCodes.Status400BadRequest, "Access code required",
            "This questionnaire asks for the personal access code you received from your school's contact person; nothing was stored.",
            [new SubmissionProblem("code-required", "code", "Send the access code in 'code'.")]);

    public static IResult UnknownCode() =>
        Of(StatusCodes.Status403Forbidden, "Unknown access code",
            "This access code is not valid for this questionnaire; check it for typing errors (letters and digits, e.g. K3QX7-M2APZ). Nothing was stored.",
            [new SubmissionProblem("unknown-code", "code", "The code is not one of this school's access codes for this wave.")]);

    public static IResult CodeUsed() =>
        Of(StatusCodes.Status409Conflict, "Access code already used",
            "This access code has already been used for a submission; each code works once. Ask your school's contact person for a new code. Nothing was stored.",
            [new SubmissionProblem("code-already-used", "code", "The code was used before.")]);

    public static IResult RateLimited(TimeSpan? retryAfter, HttpContext http)
    {
        if (retryAfter is { } wait) http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Of(StatusCodes.Status429TooManyRequests, "Too many requests", "Too many requests from this link or network; wait a moment and try again.");
    }

    /// <summary>One entry of <c>errors</c>.</summary>
    public sealed record ProblemEntry(string Code, string Field, string Message, string? Item);
}
