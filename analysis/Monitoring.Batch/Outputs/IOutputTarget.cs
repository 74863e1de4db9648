namespace Monitoring.Batch.Outputs;

/// <summary>
/// Where published batch outputs go: a local folder (<see cref="FolderOutputTarget"/>) or the artifact store
/// that the download endpoints serve (<see cref="ArtifactOutputTarget"/>).
/// </summary>
public interface IOutputTarget
{
    /// <summary>Writes (or replaces) <paramref name="name"/> (slash-separated) with the bytes of <paramref name="content"/>.</summary>
    Task WriteAsync(string name, Stream content, CancellationToken cancellationToken = default);
}
