using Monitoring.Core.Submissions;

namespace Monitoring.Storage.Files;

/// <summary>Published artifacts as files under <c>{DataPath}/artifacts/{name}</c>; a put replaces the file atomically.</summary>
public sealed class FileArtifactStore : IArtifactStore
{
    private readonly string _root;
    private readonly DurableFile _files;

    /// <summary>Creates a store over <see cref="FileStoreOptions.ArtifactsPath"/>.</summary>
    /// <exception cref="ArgumentException">When <see cref="FileStoreOptions.DataPath"/> is empty.</exception>
    public FileArtifactStore(FileStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataPath, nameof(options.DataPath));
        _root = Path.GetFullPath(options.ArtifactsPath);
        _files = new DurableFile(_root, options.FlushToDisk);
    }

    /// <summary>
    /// Deletes the temporary files of writes that a killed process never finished: those whose writer process
    /// is gone, and any older than <paramref name="maximumAge"/> (default one hour). Files of a live writer on
    /// the same folder stay. Returns how many were deleted. The collection app calls this at start-up.
    /// </summary>
    public int RemoveOrphans(TimeSpan? maximumAge = null) => _files.RemoveOrphans(maximumAge ?? TimeSpan.FromHours(1));

    /// <inheritdoc/>
    public async Task PutAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        await _files.WriteAsync(PathOf(name), buffer.GetBuffer().AsMemory(0, (int)buffer.Length), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    private string PathOf(string name) => Path.Combine(_root, StorePaths.Artifact(name).Replace('/', Path.DirectorySeparatorChar));
}
