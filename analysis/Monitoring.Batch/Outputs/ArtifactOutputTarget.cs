using Monitoring.Core.Submissions;

namespace Monitoring.Batch.Outputs;

/// <summary>Publishes to the artifact store (files or Blob), where the download endpoints read.</summary>
public sealed class ArtifactOutputTarget(IArtifactStore artifacts) : IOutputTarget
{
    /// <inheritdoc/>
    public Task WriteAsync(string name, Stream content, CancellationToken cancellationToken = default) =>
        artifacts.PutAsync(name, content, cancellationToken);
}
