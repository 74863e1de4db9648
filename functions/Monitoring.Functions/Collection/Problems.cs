using Microsoft.AspNetCore.Mvc;
using Monitoring.Core.Submissions;

namespace Monitoring.Functions.Collection;

/// <summary>
/// The app's ProblemDetails responses: each says what is wrong and, in <c>errors</c>, the problems with their fields.
/// The list is capped at <see cref="MaxListed"/> entries (with <c>problemCount</c>, the total, and <c>more</c>, how many
/// are not listed) and every text in it is clipped, so an error answer stays small whatever the request held.
/// </summary>
internal static class Problems
{
    /// <summary>At most this many problems are listed in <c>errors</c>.</summary>
    public const int MaxListed = 20;

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
        {
            var listed = new ProblemEntry[Math.Min(errors.Count, MaxListed)];
            for (var i = 0; i < listed.Length; i++)
                listed[i] = new ProblemEntry(errors[i].Code, Clip(errors[i].Field, 100), Clip(errors[i].Message, 300), errors[i].Item is { } item ? Clip(item, 100) : null);
            problem.Extensions["errors"] = listed;
            if (errors.Count > MaxListed)
            {
                problem.Extensions["problemCount"] = errors.Count;
                problem.Extensions["more"] = errors.Count - MaxListed;
            }
        }
        if (extra is not null)
            foreach (var (key, value) in extra) problem.Extensions[key] = value;
        return TypedResults.Problem(problem);
    }

    /// <summary>400 for a submission with <paramref name="problems"/>; the detail gives their total.</summary>
    public static IResult Invalid(IReadOnlyList<SubmissionProblem> problems) =>
        Of(400, "The submission is not valid",
            problems.Count == 1 ? "Nothing was stored. Fix this problem and send it again."
            : problems.Count <= MaxListed ? $"Nothing was stored. Fix these {problems.Count} problems and send it again."
            : $"Nothing was stored. Fix these {problems.Count} problems (the first {MaxListed} are listed) and send it again.", problems);

    /// <summary><paramref name="text"/>, cut to at most <paramref name="length"/> characters (never inside a surrogate pair).</summary>
    public static string Clip(string text, int length)
    {
        if (text.Length <= length) return text;
        var cut = char.IsHighSurrogate(text[length - 2]) ? length - 2 : length - 1;
        return string.Concat(text.AsSpan(0, cut), "…");
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
