using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>
/// One respondent's stored answers in one wave: an immutable record, written once. It holds no
/// name, e-mail or IP address; <see cref="LinkageCode"/> is a keyed hash, never an identity.
/// </summary>
/// <param name="Id">The client-generated submission id.</param>
/// <param name="Study">The study.</param>
/// <param name="Wave">The wave.</param>
/// <param name="School">The school.</param>
/// <param name="Role">The respondent's role.</param>
/// <param name="LinkageCode">HMAC of the respondent's self-generated code (hex), or null.</param>
/// <param name="Started">When the respondent opened the questionnaire, as the client reported it.</param>
/// <param name="Submitted">When the respondent submitted, as the client reported it.</param>
/// <param name="Received">When the server accepted it (server clock).</param>
/// <param name="Language">"nl" or "en".</param>
/// <param name="Answers">The given answers; unanswered items are absent.</param>
public sealed record Submission(
    SubmissionId Id,
    StudyId Study,
    WaveId Wave,
    SchoolId School,
    RoleId Role,
    string? LinkageCode,
    DateTimeOffset Started,
    DateTimeOffset Submitted,
    DateTimeOffset Received,
    string Language,
    IReadOnlyDictionary<ItemId, int> Answers);
