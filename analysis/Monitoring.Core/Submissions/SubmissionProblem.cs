namespace Monitoring.Core.Submissions;

/// <summary>One problem with a submission, precise enough for a respondent or client to fix it.</summary>
/// <param name="Code">A stable code, e.g. <c>out-of-range</c>, for clients and tests.</param>
/// <param name="Field">The request field, as a dotted path, e.g. <c>answers.wb_03</c> or <c>linkage.birth_day</c>.</param>
/// <param name="Message">What is wrong and how to fix it, in English.</param>
/// <param name="Item">The item the problem is about, or null when it is not about an answer.</param>
public sealed record SubmissionProblem(string Code, string Field, string Message, string? Item = null)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {Message} [{Code}]";
}
