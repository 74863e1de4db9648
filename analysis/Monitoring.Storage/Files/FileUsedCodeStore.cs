using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Storage.Files;

/// <summary>
/// Used access codes as empty files <c>{DataPath}/used-codes/{study}/{wave}/{code hash}</c>, created
/// durably without overwriting (<see cref="DurableFile"/>), so of two concurrent uses of one code exactly one creates it.
/// </summary>
public sealed class FileUsedCodeStore : IUsedCodeStore
{
    private readonly string _root;
    private readonly DurableFile _files;

    /// <summary>Creates a store over <see cref="FileStoreOptions.UsedCodesPath"/>.</summary>
    /// <exception cref="ArgumentException">When <see cref="FileStoreOptions.DataPath"/> is empty.</exception>
    public FileUsedCodeStore(FileStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataPath, nameof(options.DataPath));
        _root = Path.GetFullPath(options.UsedCodesPath);
        _files = new DurableFile(_root, options.FlushToDisk);
    }

    /// <inheritdoc/>
    public Task<bool> TryMarkUsedAsync(StudyId study, WaveId wave, string codeHash, CancellationToken cancellationToken = default) =>
        _files.WriteAsync(PathOf(study, wave, codeHash), ReadOnlyMemory<byte>.Empty, overwrite: false, cancellationToken);

    /// <inheritdoc/>
    public Task ReleaseAsync(StudyId study, WaveId wave, string codeHash, CancellationToken cancellationToken = default)
    {
        try
        {
            File.Delete(PathOf(study, wave, codeHash));
        }
        catch (DirectoryNotFoundException)
        {
            // Never marked: nothing to give back.
        }
        return Task.CompletedTask;
    }

    private string PathOf(StudyId study, WaveId wave, string codeHash) =>
        Path.Combine(_root, StorePaths.Segment(study.Value, nameof(study)), StorePaths.Segment(wave.Value, nameof(wave)), StorePaths.Segment(codeHash, "code hash"));
}
