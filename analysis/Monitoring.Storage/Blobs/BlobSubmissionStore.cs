using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Storage.Blobs;

/// <summary>
/// Submissions in Azure Blob Storage: one block blob per submission, named
/// <c>{study}/{wave}/{school}/{id}.json</c>, created with <c>If-None-Match: *</c> so that a
/// retried or concurrent submission is stored once; the service's 409 becomes
/// <see cref="StoreOutcome.AlreadyStored"/> here and nowhere else.
/// </summary>
public sealed class BlobSubmissionStore : ISubmissionStore
{
    private static readonly BlobUploadOptions CreateOnly = new()
    {
        Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
    };

    private readonly BlobContainerClient _container;

    /// <summary>Creates a store over <paramref name="container"/> (which must exist: see <see cref="CreateAsync"/>).</summary>
    public BlobSubmissionStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
    }

    /// <summary>Creates the store over <see cref="BlobStoreOptions.SubmissionsContainer"/>, creating the container when it is missing.</summary>
    public static async Task<BlobSubmissionStore> CreateAsync(BlobStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var container = options.CreateServiceClient().GetBlobContainerClient(options.SubmissionsContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new BlobSubmissionStore(container);
    }

    /// <inheritdoc/>
    public async Task<(StoreOutcome Outcome, Submission Stored)> AddAsync(Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var blob = _container.GetBlobClient(StorePaths.Name(submission));
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(SubmissionJson.Serialize(submission)), CreateOnly, cancellationToken).ConfigureAwait(false);
            return (StoreOutcome.Stored, submission);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return (StoreOutcome.AlreadyStored, await ReadAsync(blob, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <inheritdoc/>
    public async Task<Submission?> FindAsync(StudyId study, WaveId wave, SchoolId school, SubmissionId id, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient($"{StorePaths.Folder(study, wave, school)}/{StorePaths.Segment(id.Value, "id")}.json");
        try
        {
            return await ReadAsync(blob, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Downloads up to <see cref="ConcurrentDownloads"/> blobs at a time while listing goes on, and hands records
    /// over through a bounded channel, so memory stays bounded however large the store. A record's name is the
    /// blob's name; a blob deleted between listing and download is a record with its problem. A failure of the
    /// service itself (unreachable, forbidden) ends the enumeration with its exception.
    /// </remarks>
    public async IAsyncEnumerable<StoredRecord> ReadAllAsync(StudyId study, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prefix = StorePaths.Segment(study.Value, nameof(study)) + "/";
        var records = Channel.CreateBounded<StoredRecord>(new BoundedChannelOptions(4 * ConcurrentDownloads) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var downloads = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(_container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, stop.Token),
                    new ParallelOptions { MaxDegreeOfParallelism = ConcurrentDownloads, CancellationToken = stop.Token },
                    async (item, token) => await records.Writer.WriteAsync(await ReadRecordAsync(_container.GetBlobClient(item.Name), token).ConfigureAwait(false), token).ConfigureAwait(false))
                    .ConfigureAwait(false);
                records.Writer.TryComplete();
            }
            catch (Exception e)
            {
                records.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var record in records.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                yield return record;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await downloads.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The reader stopped early: the downloads were cancelled on purpose.
            }
        }
    }

    /// <summary>How many blobs <see cref="ReadAllAsync"/> downloads at a time.</summary>
    public const int ConcurrentDownloads = 16;

    /// <inheritdoc/>
    public async Task<int> CountAsync(StudyId study, WaveId wave, SchoolId school, CancellationToken cancellationToken = default)
    {
        var count = 0;
        var prefix = StorePaths.Folder(study, wave, school) + "/";
        await foreach (var _ in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
            count++;
        return count;
    }

    private static async Task<StoredRecord> ReadRecordAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return StoredRecord.Read(blob.Name, content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return StoredRecord.Unreadable(blob.Name, "The blob was listed but is gone (deleted while the store was read).");
        }
    }

    private static async Task<Submission> ReadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return SubmissionJson.Deserialize(content.Value.Content.ToMemory().Span);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{blob.BlobContainerName}/{blob.Name}: {e.Message}", e);
        }
    }
}
