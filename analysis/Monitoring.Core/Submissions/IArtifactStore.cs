namespace Monitoring.Core.Submissions;

/// <summary>
/// Published batch outputs (the datasets zip, the network reports) under slash-separated names such
/// as <c>latest/datasets.zip</c> or <c>latest/reports/gent-samen-aan-de-poort.html</c>.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Writes (or replaces) the artifact <paramref name="name"/> with the bytes of <paramref name="content"/>.</summary>
    Task PutAsync(string name, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens the artifact for reading, or returns null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken = default);
}
