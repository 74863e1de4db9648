using System.Globalization;
using Monitoring.Core.Instruments;
using Monitoring.Core.Responses;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>
/// Checks a <see cref="SubmissionDraft"/> against the study: the role exists, the language is
/// known, every answer belongs to an item the wave administers and lies in the item's range, the
/// linkage answers fit their questions. Reports every problem, never just the first.
/// </summary>
public static class SubmissionValidator
{
    // Each wave's items with their presentation order, computed once per wave (waves are immutable).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Wave, Dictionary<ItemId, int>> OrderOfWave = new();

    /// <summary>The languages a questionnaire can be answered in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["nl", "en"];

    /// <summary>Validates <paramref name="draft"/> for <paramref name="school"/> in <paramref name="wave"/>.</summary>
    /// <param name="study">The study.</param>
    /// <param name="wave">The wave the invitation belongs to (a wave of <paramref name="study"/>).</param>
    /// <param name="school">The invitation's school.</param>
    /// <param name="draft">What the client sent.</param>
    /// <param name="received">The server's clock when the draft arrived.</param>
    /// <param name="linkageKey">The study secret for the linkage code.</param>
    /// <exception cref="ArgumentException">When <paramref name="wave"/> or <paramref name="school"/> is not part of <paramref name="study"/> (a caller's bug).</exception>
    public static SubmissionValidation Validate(Study study, Wave wave, SchoolId school, SubmissionDraft draft, DateTimeOffset received, LinkageKey linkageKey)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(wave);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(linkageKey);
        if (study.FindWave(wave.Id) != wave) throw new ArgumentException($"Wave '{wave.Id}' is not a wave of study '{study.Id}'.", nameof(wave));
        if (study.FindSchool(school) is null) throw new ArgumentException($"School '{school}' is not a school of study '{study.Id}'.", nameof(school));

        var problems = new List<SubmissionProblem>();
        if (study.FindRole(new RoleId(draft.Role)) is null)
            problems.Add(new(ResponseProblemCodes.UnknownRole, "role",
                $"Role '{draft.Role}' is not known; use one of: {string.Join(", ", study.Roles.Select(r => r.Id.Value))}."));
        if (!ResponseRules.IsLanguage(draft.Language))
            problems.Add(new(ResponseProblemCodes.UnknownLanguage, "language", $"Language '{draft.Language}' is not known; use \"nl\" or \"en\"."));

        var linkageCode = LinkageCode(draft.Linkage, linkageKey, problems);

        if (draft.Started > draft.Submitted)
            problems.Add(new(ResponseProblemCodes.StartedAfterSubmitted, "started",
                $"'started' ({draft.Started:O}) is after 'submitted' ({draft.Submitted:O})."));

        var answers = Answers(study, wave, draft.Answers, problems);

        var submission = new Submission(draft.Id, study.Id, wave.Id, school, new RoleId(draft.Role), linkageCode,
            draft.Started, draft.Submitted, received, draft.Language, answers);
        return new SubmissionValidation(submission, problems);
    }

    private static string? LinkageCode(IReadOnlyDictionary<string, string>? linkage, LinkageKey key, List<SubmissionProblem> problems)
    {
        if (linkage is null) return null;
        var normalized = new Dictionary<string, string>();
        var before = problems.Count;
        foreach (var question in LinkageQuestions.All)
        {
            var field = $"linkage.{question.Id}";
            if (!linkage.TryGetValue(question.Id, out var answer) || string.IsNullOrWhiteSpace(answer))
                problems.Add(new(ResponseProblemCodes.MissingField, field, $"The linkage question '{question.Id}' is not answered; answer every linkage question or leave out 'linkage'."));
            else if (question.Normalize(answer) is { } value)
                normalized[question.Id] = value;
            else
                problems.Add(new(ResponseProblemCodes.InvalidLinkage, field, $"'{answer}' does not fit '{question.Id}': give {question.Expectation}."));
        }
        foreach (var unknown in linkage.Keys.Where(k => LinkageQuestions.Find(k) is null).Order(StringComparer.Ordinal))
            problems.Add(new(ResponseProblemCodes.UnknownField, $"linkage.{unknown}",
                $"'{unknown}' is not a linkage question; use: {string.Join(", ", LinkageQuestions.All.Select(q => q.Id))}."));
        return problems.Count == before ? key.Code(normalized) : null;
    }

    private static Dictionary<ItemId, int> Answers(Study study, Wave wave, IReadOnlyDictionary<string, double> given, List<SubmissionProblem> problems)
    {
        var answers = new Dictionary<ItemId, int>(given.Count);
        var order = OrderOfWave.GetValue(wave, w => study.ItemsOf(w).Select((item, index) => (item.Id, index)).ToDictionary(p => p.Id, p => p.index));
        if (given.Count == 0)
            problems.Add(new(ResponseProblemCodes.NoAnswers, "answers", "The submission answers no item; answer at least one question."));
        foreach (var (key, value) in given.OrderBy(p => order.GetValueOrDefault(new ItemId(p.Key), int.MaxValue)).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var field = $"answers.{key}";
            var item = study.FindItem(new ItemId(key));
            if (item is null)
            {
                problems.Add(new(ResponseProblemCodes.UnknownItem, field, $"Item '{key}' does not exist in this study.", key));
                continue;
            }
            if (!order.ContainsKey(item.Id))
            {
                problems.Add(new(ResponseProblemCodes.ItemNotInWave, field, $"Item '{key}' is not part of wave '{wave.Id}'s questionnaires.", key));
                continue;
            }
            var format = item.Format;
            var problem = ResponseRules.Answer(value, format);
            if (problem is not null)
            {
                var shown = value.ToString(CultureInfo.InvariantCulture);
                problems.Add(new(problem, field, problem == ResponseProblemCodes.OutOfRange
                    ? $"Item '{key}': {shown} is outside the allowed range {format.Min}–{format.Max}."
                    : $"Item '{key}': {shown} is not a whole number; give one of {format.Min}–{format.Max}.", key));
                continue;
            }
            answers[item.Id] = (int)value;
        }
        return answers;
    }
}
