using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>
/// Durable storage of submissions: one immutable record per submission id. <see cref="AddAsync"/>
/// returns only after the submission is durable, so an acknowledged submission survives a crash.
/// Implementations: the file store (default) and the Azure Blob store (Monitoring.Storage).
/// </summary>
public interface ISubmissionStore
{
    /// <summary>
    /// Stores <paramref name="submission"/> unless one with the same id, study, wave and school is already
    /// stored; then it writes nothing and returns <see cref="StoreOutcome.AlreadyStored"/> with the stored one.
    /// Safe under concurrent calls with the same id: exactly one wins.
    /// </summary>
    Task<(StoreOutcome Outcome, Submission Stored)> AddAsync(Submission submission, CancellationToken cancellationToken = default);

    /// <summary>The stored submission with <paramref name="id"/> for one school in one wave, or null when there is none.</summary>
    Task<Submission?> FindAsync(StudyId study, WaveId wave, SchoolId school, SubmissionId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every stored record of <paramref name="study"/>, in no particular order: each read into its submission, or,
    /// when it cannot be read (broken bytes, a newer format, an I/O error on that one record), with its problems,
    /// so that one bad record is excluded and named instead of stopping the run. Throws only when the store
    /// itself cannot be listed or reached.
    /// </summary>
    IAsyncEnumerable<StoredRecord> ReadAllAsync(StudyId study, CancellationToken cancellationToken = default);

    /// <summary>How many submissions are stored for one school in one wave.</summary>
    Task<int> CountAsync(StudyId study, WaveId wave, SchoolId school, CancellationToken cancellationToken = default);
}
