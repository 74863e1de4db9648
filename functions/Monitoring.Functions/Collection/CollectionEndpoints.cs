using System.Text.Json;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Functions.Collection;

/// <summary>The respondent-facing API: questionnaire, responses, status. Thin: shape here, meaning in Core.</summary>
internal static class CollectionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // Every route here charges its client's address for a rejected request (CollectionRateLimiter.ChargeRejected).
        var api = app.MapGroup("").AddEndpointFilter(ChargeRejected);
        api.MapGet("/api/questionnaires/{token}", GetQuestionnaire);
        api.MapPost("/api/responses", PostResponse);
        api.MapGet("/api/status/{token}", GetStatus);
    }

    private static async ValueTask<object?> ChargeRejected(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context).ConfigureAwait(false);
        if (result is IStatusCodeHttpResult { StatusCode: >= 400 and < 500 and not StatusCodes.Status429TooManyRequests })
            context.HttpContext.RequestServices.GetRequiredService<CollectionRateLimiter>().ChargeRejected(context.HttpContext);
        return result;
    }

    internal static async Task<IResult> GetQuestionnaire(string token, string? lang, HttpContext http, CollectionContext c, CancellationToken cancellationToken)
    {
        NoStore(http);
        if (!c.Limiter.TryAddress(http, out var wait)) return Problems.RateLimited(wait, http);
        var language = lang ?? "nl";
        if (!SubmissionValidator.Languages.Contains(language))
            return Problems.Of(400, "Unknown language", $"Language '{lang}' is not offered; use lang=nl or lang=en.",
                [new SubmissionProblem("unknown-language", "lang", $"'{lang}' is not offered; use \"nl\" or \"en\".")]);
        var invitation = await c.Invitations.FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (invitation is null) return Problems.UnknownToken();
        var (wave, school) = Resolve(c.Study, invitation);
        if (!c.Limiter.TryToken(token, school.StaffAt(wave.Id), out wait)) return Problems.RateLimited(wait, http);
        if (WindowProblem(wave, c.Time.GetUtcNow()) is { } closed) return closed;
        return TypedResults.Ok(QuestionnaireView.Of(c.Study, wave, school, language, c.MaxRequestBodyBytes));
    }

    internal static async Task<IResult> GetStatus(string token, string? lang, HttpContext http, CollectionContext c, CancellationToken cancellationToken)
    {
        NoStore(http);
        if (!c.Limiter.TryAddress(http, out var wait) || !c.Limiter.TryToken(token, out wait)) return Problems.RateLimited(wait, http);
        // Only the contact's status token opens the status: a questionnaire token gets the same 404 as an unknown one.
        var invitation = await c.Invitations.FindByStatusTokenAsync(token, cancellationToken).ConfigureAwait(false);
        if (invitation is null) return Problems.UnknownToken();
        var (wave, school) = Resolve(c.Study, invitation);
        var counts = await LiveCountsAsync(c, wave, school, cancellationToken).ConfigureAwait(false);
        var language = lang is not null && SubmissionValidator.Languages.Contains(lang) ? lang : "nl";
        return TypedResults.Ok(StatusView.Of(c.Study, wave, school, counts, c.Time.GetUtcNow(), language));
    }

    /// <summary>The stored counts of every school in <paramref name="school"/>'s network (only the school itself when it has none), for the disclosure decision.</summary>
    private static async Task<IReadOnlyDictionary<SchoolId, int>> LiveCountsAsync(CollectionContext c, Wave wave, School school, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<SchoolId, int> { [school.Id] = await c.Store.CountAsync(c.Study.Id, wave.Id, school.Id, cancellationToken).ConfigureAwait(false) };
        foreach (var id in c.Study.NetworkOf(school.Id)?.Schools ?? [])
            if (!counts.ContainsKey(id))
                counts[id] = await c.Store.CountAsync(c.Study.Id, wave.Id, id, cancellationToken).ConfigureAwait(false);
        return counts;
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

        if (JsonBodyCheck.Check(json.Span) is { } bodyProblems)
            return bodyProblems is [{ Code: "invalid-json" } syntax]
                ? Problems.Of(400, "Not valid JSON", syntax.Message, bodyProblems)
                : Problems.Invalid(bodyProblems);

        SubmissionRequest request;
        using (var document = JsonDocument.Parse(json)) request = SubmissionRequest.Read(document.RootElement);

        if (request.Token is null) return Problems.Invalid(request.Problems);
        var invitation = await c.Invitations.FindAsync(request.Token, cancellationToken).ConfigureAwait(false);
        if (invitation is null) return Problems.UnknownToken();
        var (wave, school) = Resolve(c.Study, invitation);
        if (!c.Limiter.TryToken(request.Token, school.StaffAt(wave.Id), out wait)) return Problems.RateLimited(wait, http);
        var now = c.Time.GetUtcNow();
        if (WindowProblem(wave, now) is { } closed) return closed;

        string? codeHash = null;
        if (wave.Access == WaveAccess.Closed)
        {
            if (request.Code is null) return Problems.CodeRequired();
            codeHash = c.CodeKey.Hash(request.Code);
            if (codeHash is null || !c.Invitations.HasCode(invitation, codeHash)) return Problems.UnknownCode();
        }

        var validation = SubmissionValidator.Validate(c.Study, wave, school.Id, request.Draft, now, c.LinkageKey);
        var problems = Merge(request.Problems, validation.Problems);
        if (problems.Count > 0 || !validation.IsValid) return Problems.Invalid(problems);

        return codeHash is null
            ? await StoreAsync(c, validation.Submission, cancellationToken).ConfigureAwait(false)
            : await StoreWithCodeAsync(c, validation.Submission, codeHash, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> StoreAsync(CollectionContext c, Submission submission, CancellationToken cancellationToken)
    {
        var (outcome, stored) = await c.Store.AddAsync(submission, cancellationToken).ConfigureAwait(false);
        return Acknowledge(outcome, stored, submission);
    }

    /// <summary>
    /// Takes the code (creates its used-marker, which exactly one of concurrent uses wins), then stores the
    /// submission; when the submission is not newly stored, the code is given back. A taken code is still
    /// accepted for the same submission again (a retry), recognised by its stored content, not by the code:
    /// the marker names no submission.
    /// </summary>
    private static async Task<IResult> StoreWithCodeAsync(CollectionContext c, Submission submission, string codeHash, CancellationToken cancellationToken)
    {
        if (!await c.UsedCodes.TryMarkUsedAsync(submission.Study, submission.Wave, codeHash, cancellationToken).ConfigureAwait(false))
        {
            var earlier = await c.Store.FindAsync(submission.Study, submission.Wave, submission.School, submission.Id, cancellationToken).ConfigureAwait(false);
            return earlier is not null && SameContent(earlier, submission) ? Acknowledge(StoreOutcome.AlreadyStored, earlier, submission) : Problems.CodeUsed();
        }
        StoreOutcome outcome;
        Submission stored;
        try
        {
            (outcome, stored) = await c.Store.AddAsync(submission, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await c.UsedCodes.ReleaseAsync(submission.Study, submission.Wave, codeHash, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        if (outcome == StoreOutcome.AlreadyStored)
            await c.UsedCodes.ReleaseAsync(submission.Study, submission.Wave, codeHash, CancellationToken.None).ConfigureAwait(false);
        return Acknowledge(outcome, stored, submission);
    }

    private static IResult Acknowledge(StoreOutcome outcome, Submission stored, Submission sent)
    {
        var receipt = Receipt(SubmissionReceipt.For(stored));
        if (outcome == StoreOutcome.Stored) return TypedResults.Created((string?)null, receipt);
        if (!SameContent(stored, sent))
            return Problems.Of(409, "Submission id already used",
                "A different submission with this id is already stored; send new answers with a new submission id.",
                [new SubmissionProblem("id-reused", "submissionId", $"Submission '{stored.Id}' is already stored with other answers.")]);
        return TypedResults.Ok(receipt);
    }

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

    /// <summary>
    /// The shape problems, then the meaning problems that no shape problem covers: a shape problem on a
    /// field (<c>answers.wb_01</c>) covers meaning problems on the same field, and one on a top-level field
    /// (<c>answers</c>) covers those on its members and the other way round. Linear: the shape problems'
    /// fields go into sets once (comparing every pair cost 9 million string comparisons for 3,000 of each),
    /// and only a field's top-level name is cut from it, since a key may itself hold thousands of dots.
    /// </summary>
    private static List<SubmissionProblem> Merge(IReadOnlyList<SubmissionProblem> shape, IReadOnlyList<SubmissionProblem> meaning)
    {
        var merged = new List<SubmissionProblem>(shape.Count + meaning.Count);
        merged.AddRange(shape);
        if (meaning.Count == 0) return merged;
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var withMembers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in shape)
        {
            fields.Add(s.Field);
            if (s.Field.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot) withMembers.Add(s.Field[..dot]);
        }
        foreach (var m in meaning)
        {
            var dot = m.Field.IndexOf('.', StringComparison.Ordinal);
            var covered = fields.Contains(m.Field) || (dot < 0 ? withMembers.Contains(m.Field) : fields.Contains(m.Field[..dot]));
            if (!covered) merged.Add(m);
        }
        return merged;
    }

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
