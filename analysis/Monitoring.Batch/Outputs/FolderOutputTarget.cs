namespace Monitoring.Batch.Outputs;

/// <summary>Publishes to files under a local folder; each file is written beside its final name, then renamed over it.</summary>
public sealed class FolderOutputTarget : IOutputTarget
{
    private readonly string _root;

    /// <summary>A target under <paramref name="folder"/> (created when missing).</summary>
    public FolderOutputTarget(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _root = Path.GetFullPath(folder);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">When <paramref name="name"/> would leave the folder.</exception>
    public async Task WriteAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(content);
        var path = Path.GetFullPath(Path.Combine(_root, name.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Output '{name}' would be written outside {_root}.", nameof(name));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
