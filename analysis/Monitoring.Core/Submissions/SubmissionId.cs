namespace Monitoring.Core.Submissions;

/// <summary>
/// The client-generated id of one submission (the questionnaire page makes a random UUID and
/// re-sends it on every retry); it is also the <c>response_id</c> of the raw response.
/// 1–64 characters: letters, digits, '-' and '_'.
/// </summary>
public readonly record struct SubmissionId(string Value)
{
    /// <summary>Whether <paramref name="value"/> is a well-formed submission id.</summary>
    public static bool IsWellFormed(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <inheritdoc/>
    public override string ToString() => Value;
}
