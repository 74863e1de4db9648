using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Monitoring.Core.Submissions;

namespace Monitoring.Storage.Blobs;

/// <summary>Published artifacts as block blobs named like the artifact; a put replaces the blob.</summary>
public sealed class BlobArtifactStore : IArtifactStore
{
    private readonly BlobContainerClient _container;

    /// <summary>Creates a store over <paramref name="container"/> (which must exist: see <see cref="CreateAsync"/>).</summary>
    public BlobArtifactStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
    }

    /// <summary>Creates the store over <see cref="BlobStoreOptions.ArtifactsContainer"/>, creating the container when it is missing.</summary>
    public static async Task<BlobArtifactStore> CreateAsync(BlobStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var container = options.CreateServiceClient().GetBlobContainerClient(options.ArtifactsContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new BlobArtifactStore(container);
    }

    /// <inheritdoc/>
    public async Task PutAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blob = _container.GetBlobClient(StorePaths.Artifact(name));
        await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentType(name) } }, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(StorePaths.Artifact(name));
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".zip" => "application/zip",
        ".json" => "application/json",
        ".csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    };
}
