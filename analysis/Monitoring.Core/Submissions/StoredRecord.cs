namespace Monitoring.Core.Submissions;

/// <summary>
/// One record as a store holds it: its name (the file's path under the store's folder, or the blob's name),
/// and the submission read from it or every problem that made it unreadable. A store yields every record,
/// readable or not, so that a bad one is logged and excluded instead of stopping a run.
/// </summary>
/// <param name="Name">The record's name in its store, e.g. <c>study/T0/school-1/3f2a.json</c>.</param>
/// <param name="Submission">The submission; null when <see cref="Problems"/> is not empty.</param>
/// <param name="Problems">Why the record cannot be read (codes of <see cref="Responses.ResponseProblemCodes"/>); empty when it can.</param>
public sealed record StoredRecord(string Name, Submission? Submission, IReadOnlyList<SubmissionProblem> Problems)
{
    /// <summary>Reads the record <paramref name="name"/> from its stored bytes.</summary>
    public static StoredRecord Read(string name, ReadOnlySpan<byte> utf8)
    {
        var submission = SubmissionJson.TryRead(utf8, out var problems);
        return new StoredRecord(name, submission, problems);
    }

    /// <summary>A record that could not be read at all (<paramref name="reason"/> says why, e.g. an I/O error).</summary>
    public static StoredRecord Unreadable(string name, string reason) =>
        new(name, null, [new SubmissionProblem(Responses.ResponseProblemCodes.UnreadableRecord, "", reason)]);
}
