using System.Runtime.CompilerServices;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Storage.Files;

/// <summary>
/// The embedded default store: one JSON file per submission at
/// <c>{DataPath}/submissions/{study}/{wave}/{school}/{id}.json</c>, written to a temporary file,
/// flushed to the disk and moved into place without overwriting, so a submission is durable
/// before it is acknowledged and concurrent writers of the same id store it exactly once.
/// </summary>
public sealed class FileSubmissionStore : ISubmissionStore
{
    private readonly string _root;
    private readonly DurableFile _files;

    /// <summary>Creates a store over <see cref="FileStoreOptions.SubmissionsPath"/>.</summary>
    /// <exception cref="ArgumentException">When <see cref="FileStoreOptions.DataPath"/> is empty.</exception>
    public FileSubmissionStore(FileStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataPath, nameof(options.DataPath));
        _root = Path.GetFullPath(options.SubmissionsPath);
        _files = new DurableFile(_root, options.FlushToDisk);
    }

    /// <summary>
    /// Deletes the temporary files of writes that a killed process never finished: those whose writer process
    /// is gone, and any older than <paramref name="maximumAge"/> (default one hour). Files of a live writer on
    /// the same folder stay. Returns how many were deleted. The collection app calls this at start-up.
    /// </summary>
    public int RemoveOrphans(TimeSpan? maximumAge = null) => _files.RemoveOrphans(maximumAge ?? TimeSpan.FromHours(1));

    /// <inheritdoc/>
    public async Task<(StoreOutcome Outcome, Submission Stored)> AddAsync(Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var path = PathOf(submission);
        if (await _files.WriteAsync(path, SubmissionJson.Serialize(submission), overwrite: false, cancellationToken).ConfigureAwait(false))
            return (StoreOutcome.Stored, submission);
        return (StoreOutcome.AlreadyStored, await ReadAsync(path, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    public async Task<Submission?> FindAsync(StudyId study, WaveId wave, SchoolId school, SubmissionId id, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(_root, StorePaths.Folder(study, wave, school).Replace('/', Path.DirectorySeparatorChar), StorePaths.Segment(id.Value, "id") + ".json");
        try
        {
            return await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    /// <remarks>A record's name is its path under the submissions folder, with '/' separators; a file that cannot be read (deleted meanwhile, no permission) is a record with its problem.</remarks>
    public async IAsyncEnumerable<StoredRecord> ReadAllAsync(StudyId study, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(_root, StorePaths.Segment(study.Value, nameof(study)));
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file).StartsWith('.')) continue;
            var name = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            yield return await ReadRecordAsync(file, name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public Task<int> CountAsync(StudyId study, WaveId wave, SchoolId school, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(_root, StorePaths.Folder(study, wave, school));
        if (!Directory.Exists(folder)) return Task.FromResult(0);
        return Task.FromResult(Directory.EnumerateFiles(folder, "*.json").Count(f => !Path.GetFileName(f).StartsWith('.')));
    }

    private string PathOf(Submission s) => Path.Combine(_root, StorePaths.Name(s).Replace('/', Path.DirectorySeparatorChar));

    private static async Task<StoredRecord> ReadRecordAsync(string path, string name, CancellationToken cancellationToken)
    {
        try
        {
            return StoredRecord.Read(name, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return StoredRecord.Unreadable(name, $"The file cannot be read: {e.Message}");
        }
    }

    private static async Task<Submission> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            return SubmissionJson.Deserialize(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
