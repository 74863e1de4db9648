using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>
/// The record of used access codes of closed-access waves: one marker per used code, named by the
/// code's keyed hash (<see cref="AccessCodeKey.Hash"/>) and holding nothing else, so nothing in it
/// points to a submission. Implementations: the file store and the Azure Blob store (Monitoring.Storage).
/// </summary>
public interface IUsedCodeStore
{
    /// <summary>
    /// Marks the code used: true when this call created the marker, false when it already existed.
    /// Safe under concurrent calls with the same code: exactly one gets true. Returns after the marker is durable.
    /// </summary>
    Task<bool> TryMarkUsedAsync(StudyId study, WaveId wave, string codeHash, CancellationToken cancellationToken = default);

    /// <summary>Removes the marker again (when the submission it was taken for could not be stored).</summary>
    Task ReleaseAsync(StudyId study, WaveId wave, string codeHash, CancellationToken cancellationToken = default);
}
