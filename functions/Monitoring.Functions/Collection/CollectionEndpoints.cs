using System.Text.Json;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Functions.Collection;

/// <summary>The respondent-facing API: questionnaire, responses, status. Thin: shape here, meaning in Core.</summary>
internal static class CollectionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/questionnaires/{token}", GetQuestionnaire);
        app.MapPost("/api/responses", PostResponse);
        app.MapGet("/api/status/{token}", GetStatus);
    }

    internal static async Task<IResult> GetQuestionnaire(string token, string? lang, HttpContext http, CollectionContext c, CancellationToken cancellationToken)
    {
        NoStore(http);
        if (!c.Limiter.TryAddress(http, out var wait) || !c.Limiter.TryToken(token, out wait)) return Problems.RateLimited(wait, http);
        var language = lang ?? "nl";
        if (!SubmissionValidator.Languages.Contains(language))
            return Problems.Of(400, "Unknown language", $"Language '{lang}' is not offered; use lang=nl or lang=en.",
                [new SubmissionProblem("unknown-language", "lang", $"'{lang}' is not offered; use \"nl\" or \"en\".")]);
        var invitation = await c.Invitations.FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (invitation is null) return Problems.UnknownToken();
        var (wave, school) = Resolve(c.Study, invitation);
        if (WindowProblem(wave, c.Time.GetUtcNow()) is { } closed) return closed;
        return TypedResults.Ok(QuestionnaireView.Of(c.Study, wave, school, language, c.MaxRequestBodyBytes));
    }

    internal static async Task<IResult> GetStatus(string token, HttpContext http, CollectionContext c, CancellationToken cancellationToken)
    {
        NoStore(http);
        if (!c.Limiter.TryAddress(http, out var wait) || !c.Limiter.TryToken(token, out wait)) return Problems.RateLimited(wait, http);
        var invitation = await c.Invitations.FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (invitation is null) return Problems.UnknownToken();
        var (wave, school) = Resolve(c.Study, invitation);
        var count = await c.Store.CountAsync(c.Study.Id, wave.Id, school.Id, cancellationToken).ConfigureAwait(false);
        var threshold = c.Study.Analysis.PrivacyThreshold;
        var suppressed = count < threshold;
        var staff = school.StaffAt(wave.Id);
        return TypedResults.Ok(new StatusView(
            new QuestionnaireView.Named(school.Id.Value, school.Name),
            new QuestionnaireView.WaveView(wave.Id.Value, wave.Name.In("nl"), wave.Opens, wave.Closes),
            wave.IsOpenAt(c.Time.GetUtcNow()),
            suppressed ? null : count,
            staff,
            suppressed || staff is null ? null : Math.Round((double)count / staff.Value, 3),
            suppressed,
            threshold));
    }

    internal static async Task<IResult> PostResponse(HttpContext http, CollectionContext c, CancellationToken cancellationToken)
    {
        NoStore(http);
        if (!c.Limiter.TryAddress(http, out var wait)) return Problems.RateLimited(wait, http);
        if (http.Request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return Problems.Of(415, "Unsupported media type", $"Send the submission as application/json, not {type}.");
        if (http.Request.ContentLength > c.MaxRequestBodyBytes) return TooLarge(c);

        var body = await ReadBoundedAsync(http.Request.Body, c.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is not { } json) return TooLarge(c);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return Problems.Of(400, "Not valid JSON", $"The body is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}).",
                [new SubmissionProblem("invalid-json", "$", e.Message.Split(" Path:")[0])]);
        }

        SubmissionRequest request;
        using (document) request = SubmissionRequest.Read(document.RootElement);

        if (request.Token is null) return Invalid(request.Problems);
        var invitation = await c.Invitations.FindAsync(request.Token, cancellationToken).ConfigureAwait(false);
        if (invitation is null) return Problems.UnknownToken();
        if (!c.Limiter.TryToken(request.Token, out wait)) return Problems.RateLimited(wait, http);
        var (wave, school) = Resolve(c.Study, invitation);
        var now = c.Time.GetUtcNow();
        if (WindowProblem(wave, now) is { } closed) return closed;

        var validation = SubmissionValidator.Validate(c.Study, wave, school.Id, request.Draft, now, c.LinkageKey);
        var problems = request.Problems
            .Concat(validation.Problems.Where(m => !request.Problems.Any(s => Covers(s.Field, m.Field))))
            .ToArray();
        if (problems.Length > 0 || !validation.IsValid) return Invalid(problems);

        var (outcome, stored) = await c.Store.AddAsync(validation.Submission, cancellationToken).ConfigureAwait(false);
        var receipt = Receipt(SubmissionReceipt.For(stored));
        if (outcome == StoreOutcome.Stored) return TypedResults.Created((string?)null, receipt);
        if (!SameContent(stored, validation.Submission))
            return Problems.Of(409, "Submission id already used",
                "A different submission with this id is already stored; send new answers with a new submission id.",
                [new SubmissionProblem("id-reused", "submissionId", $"Submission '{stored.Id}' is already stored with other answers.")]);
        return TypedResults.Ok(receipt);
    }

    private static IResult Invalid(IReadOnlyList<SubmissionProblem> problems) =>
        Problems.Of(400, "The submission is not valid",
            $"Nothing was stored. Fix {(problems.Count == 1 ? "this problem" : $"these {problems.Count} problems")} and send it again.", problems);

    /// <summary>
    /// The body, or null when it is longer than <paramref name="limit"/>. A longer body is read to its end
    /// (Kestrel's own limit, <see cref="CollectionApp.BodyDrainLimit"/>, caps that) so that the client, still
    /// sending, receives the 413 instead of a connection reset.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(limit + 1, 16 * 1024)];
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        var discard = new byte[16 * 1024];
                        while (await body.ReadAsync(discard, cancellationToken).ConfigureAwait(false) > 0) { }
                        return null;
                    }
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, limit + 1));
                }
                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0) return buffer.AsMemory(0, length);
                length += read;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    private static IResult TooLarge(CollectionContext c) =>
        Problems.Of(413, "Submission too large", $"The body is larger than {c.MaxRequestBodyBytes} bytes; nothing was stored.",
            [new SubmissionProblem("too-large", "$", $"At most {c.MaxRequestBodyBytes} bytes are accepted.")]);

    private static IResult? WindowProblem(Wave wave, DateTimeOffset now)
    {
        if (wave.IsOpenAt(now)) return null;
        var early = now < wave.Opens;
        return Problems.Of(403, early ? "The questionnaire is not open yet" : "The questionnaire is closed",
            early ? $"Wave {wave.Id} opens at {wave.Opens:O}." : $"Wave {wave.Id} closed at {wave.Closes:O}; nothing was stored.",
            [new SubmissionProblem(early ? "wave-not-open" : "wave-closed", "token", $"Wave {wave.Id} accepts responses from {wave.Opens:O} to {wave.Closes:O}.")],
            new Dictionary<string, object?> { ["opens"] = wave.Opens, ["closes"] = wave.Closes });
    }

    /// <summary>A shape problem on field <paramref name="shape"/> makes a meaning problem on <paramref name="meaning"/> redundant.</summary>
    private static bool Covers(string shape, string meaning) =>
        shape == meaning || shape.StartsWith(meaning + ".", StringComparison.Ordinal) || meaning.StartsWith(shape + ".", StringComparison.Ordinal);

    private static bool SameContent(Submission a, Submission b) =>
        a.Role == b.Role && a.LinkageCode == b.LinkageCode && a.Started == b.Started && a.Submitted == b.Submitted
        && a.Language == b.Language && a.Answers.Count == b.Answers.Count
        && a.Answers.All(p => b.Answers.TryGetValue(p.Key, out var v) && v == p.Value);

    private static (Wave, School) Resolve(Study study, Invitation invitation) =>
        (study.FindWave(invitation.Wave) ?? throw new InvalidDataException($"An invitation names wave '{invitation.Wave}', which the study does not define."),
         study.FindSchool(invitation.School) ?? throw new InvalidDataException($"An invitation names school '{invitation.School}', which the study does not define."));

    private static object Receipt(SubmissionReceipt r) => new { submissionId = r.SubmissionId.Value, received = r.Received, receipt = r.Code };

    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}
