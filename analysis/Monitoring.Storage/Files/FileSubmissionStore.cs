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
    public async IAsyncEnumerable<Submission> ReadAllAsync(StudyId study, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(_root, StorePaths.Segment(study.Value, nameof(study)));
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file).StartsWith('.')) continue;
            yield return await ReadAsync(file, cancellationToken).ConfigureAwait(false);
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
