using System.Diagnostics.CodeAnalysis;

namespace Monitoring.Core.Submissions;

/// <summary>The outcome of validating a <see cref="SubmissionDraft"/>: the submission, or every problem found.</summary>
public sealed record SubmissionValidation
{
    internal SubmissionValidation(Submission? submission, IReadOnlyList<SubmissionProblem> problems)
    {
        Submission = problems.Count == 0 ? submission : null;
        Problems = problems;
    }

    /// <summary>The submission to store; null when <see cref="Problems"/> is not empty.</summary>
    public Submission? Submission { get; }

    /// <summary>Every problem, in field order; empty when the draft is valid.</summary>
    public IReadOnlyList<SubmissionProblem> Problems { get; }

    /// <summary>Whether the draft is valid.</summary>
    [MemberNotNullWhen(true, nameof(Submission))]
    public bool IsValid => Submission is not null;
}
