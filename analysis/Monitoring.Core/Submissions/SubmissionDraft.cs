namespace Monitoring.Core.Submissions;

/// <summary>
/// A submission as a client sent it, already checked for shape (types, formats) at the edge but
/// not yet for meaning: <see cref="SubmissionValidator"/> checks it against the study.
/// </summary>
/// <param name="Id">The client-generated submission id (well-formed: checked at the edge).</param>
/// <param name="Role">The role id the respondent chose.</param>
/// <param name="Language">The questionnaire language the client reports.</param>
/// <param name="Linkage">The answers to the linkage questions by question id, or null when the respondent skipped them.</param>
/// <param name="Started">When the respondent opened the questionnaire (client clock).</param>
/// <param name="Submitted">When the respondent submitted (client clock).</param>
/// <param name="Answers">The answers by item id; numbers as sent, so that 2.5 can be reported as not a whole number.</param>
public sealed record SubmissionDraft(
    SubmissionId Id,
    string Role,
    string Language,
    IReadOnlyDictionary<string, string>? Linkage,
    DateTimeOffset Started,
    DateTimeOffset Submitted,
    IReadOnlyDictionary<string, double> Answers);
