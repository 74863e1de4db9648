using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Storage.Blobs;

/// <summary>
/// Used access codes as empty block blobs <c>{study}/{wave}/{code hash}</c>, created with
/// <c>If-None-Match: *</c>: of two concurrent uses of one code exactly one creates the blob; the
/// service's 409 becomes false here and nowhere else.
/// </summary>
public sealed class BlobUsedCodeStore : IUsedCodeStore
{
    private static readonly BlobUploadOptions CreateOnly = new() { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };

    private readonly BlobContainerClient _container;

    /// <summary>Creates a store over <paramref name="container"/> (which must exist: see <see cref="CreateAsync"/>).</summary>
    public BlobUsedCodeStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
    }

    /// <summary>Creates the store over <see cref="BlobStoreOptions.UsedCodesContainer"/>, creating the container when it is missing.</summary>
    public static async Task<BlobUsedCodeStore> CreateAsync(BlobStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var container = options.CreateServiceClient().GetBlobContainerClient(options.UsedCodesContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new BlobUsedCodeStore(container);
    }

    /// <inheritdoc/>
    public async Task<bool> TryMarkUsedAsync(StudyId study, WaveId wave, string codeHash, CancellationToken cancellationToken = default)
    {
        try
        {
            await Blob(study, wave, codeHash).UploadAsync(BinaryData.Empty, CreateOnly, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(StudyId study, WaveId wave, string codeHash, CancellationToken cancellationToken = default) =>
        await Blob(study, wave, codeHash).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    private BlobClient Blob(StudyId study, WaveId wave, string codeHash) =>
        _container.GetBlobClient($"{StorePaths.Segment(study.Value, nameof(study))}/{StorePaths.Segment(wave.Value, nameof(wave))}/{StorePaths.Segment(codeHash, "code hash")}");
}
