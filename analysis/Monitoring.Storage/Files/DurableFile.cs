using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Monitoring.Storage.Files;

/// <summary>
/// Crash-safe file writes: write a temporary file in the target folder, flush it to the disk,
/// move it into place, then flush the folder so the new name survives a power loss too.
/// </summary>
internal sealed partial class DurableFile(bool flushToDisk)
{
    /// <summary>Temporary files start with this, so readers skip them and a restart can delete them.</summary>
    public const string TemporaryPrefix = ".tmp-";

    private readonly ConcurrentDictionary<string, bool> _knownFolders = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/>. Without <paramref name="overwrite"/>, returns
    /// false and writes nothing when the file exists, atomically even against concurrent writers.
    /// </summary>
    public async Task<bool> WriteAsync(string path, ReadOnlyMemory<byte> bytes, bool overwrite, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        EnsureFolder(folder);
        var temporary = Path.Combine(folder, $"{TemporaryPrefix}{Guid.NewGuid():N}");
        try
        {
            await using (var stream = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0,
                Options = FileOptions.None,
            }))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                if (flushToDisk) stream.Flush(flushToDisk: true);
            }
            try
            {
                // On Unix, File.Move without overwrite is link(2) + unlink(2): link fails if the name exists, atomically.
                File.Move(temporary, path, overwrite);
            }
            catch (IOException) when (!overwrite && File.Exists(path))
            {
                return false;
            }
            if (flushToDisk) FlushFolder(folder);
            return true;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private void EnsureFolder(string folder)
    {
        if (_knownFolders.ContainsKey(folder)) return;
        var missing = new Stack<string>();
        for (var f = folder; !Directory.Exists(f); f = Path.GetDirectoryName(f)!) missing.Push(f);
        Directory.CreateDirectory(folder);
        if (flushToDisk)
            foreach (var created in missing) FlushFolder(Path.GetDirectoryName(created)!);
        _knownFolders.TryAdd(folder, true);
    }

    /// <summary>fsync(2) on a folder, so that names created or renamed in it are durable. A no-op on Windows, where NTFS journals names.</summary>
    private static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(folder, 0 /* O_RDONLY */);
        if (fd < 0) throw new IOException($"Cannot open folder '{folder}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"Cannot flush folder '{folder}' (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
