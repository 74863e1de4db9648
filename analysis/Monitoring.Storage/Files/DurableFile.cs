using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Monitoring.Storage.Files;

/// <summary>
/// Crash-safe file writes: write a temporary file in the target folder, flush it to the disk,
/// move it into place (without overwriting, unless asked), then flush the folder so the new name
/// survives a power loss too. On Linux through the system calls directly, elsewhere through FileStream.
/// </summary>
internal sealed partial class DurableFile(bool flushToDisk)
{
    /// <summary>Temporary files start with this, so readers skip them and a restart can delete them.</summary>
    public const string TemporaryPrefix = ".tmp-";

    private readonly ConcurrentDictionary<string, bool> _knownFolders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FolderFlush> _folderFlushes = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/>. Without <paramref name="overwrite"/>, returns
    /// false and writes nothing when the file exists, atomically even against concurrent writers.
    /// </summary>
    public async Task<bool> WriteAsync(string path, ReadOnlyMemory<byte> bytes, bool overwrite, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        EnsureFolder(folder);
        var temporary = Path.Combine(folder, $"{TemporaryPrefix}{Guid.NewGuid():N}");
        var written = OperatingSystem.IsLinux()
            ? WriteLinux(temporary, path, bytes.Span, overwrite)
            : await WritePortableAsync(temporary, path, bytes, overwrite, cancellationToken).ConfigureAwait(false);
        if (written && flushToDisk) await _folderFlushes.GetOrAdd(folder, f => new FolderFlush(f)).AfterNowAsync().ConfigureAwait(false);
        return written;
    }

    /// <summary>
    /// The fewest system calls: open(O_EXCL), write, fsync, close, and renameat2(RENAME_NOREPLACE),
    /// which moves the file into place only if the name is free, atomically.
    /// </summary>
    private unsafe bool WriteLinux(string temporary, string path, ReadOnlySpan<byte> bytes, bool overwrite)
    {
        const int writeOnlyCreateExclusiveCloseOnExec = 0x1 | 0x40 | 0x80 | 0x80000;
        var fd = Open(temporary, writeOnlyCreateExclusiveCloseOnExec, 0x1A4 /* 0644 */);
        if (fd < 0) throw Error("create", temporary);
        try
        {
            fixed (byte* start = bytes)
            {
                for (var done = 0; done < bytes.Length;)
                {
                    var n = (int)Write(fd, start + done, (nuint)(bytes.Length - done));
                    if (n < 0 && Marshal.GetLastPInvokeError() == EINTR) continue;
                    if (n < 0) throw Error("write", temporary);
                    done += n;
                }
            }
            if (flushToDisk && Fsync(fd) != 0) throw Error("flush", temporary);
        }
        catch
        {
            _ = Close(fd);
            _ = Unlink(temporary);
            throw;
        }
        if (Close(fd) != 0) throw Error("close", temporary);

        if (overwrite)
        {
            if (Rename(temporary, path) == 0) return true;
            var e = Error("rename", path);
            _ = Unlink(temporary);
            throw e;
        }
        if (RenameNoReplace(AtCurrentDirectory, temporary, AtCurrentDirectory, path, RenameFlagNoReplace) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        if (errno is EINVAL or ENOSYS)
        {
            // A file system without RENAME_NOREPLACE: File.Move without overwrite links, which fails if the name exists.
            try
            {
                File.Move(temporary, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
                return false;
            }
        }
        _ = Unlink(temporary);
        if (errno == EEXIST) return false;
        throw new IOException($"Cannot move '{temporary}' to '{path}' (errno {errno}).");
    }

    private async Task<bool> WritePortableAsync(string temporary, string path, ReadOnlyMemory<byte> bytes, bool overwrite, CancellationToken cancellationToken)
    {
        try
        {
            await using (var stream = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0,
            }))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                if (flushToDisk) stream.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temporary, path, overwrite);
            }
            catch (IOException) when (!overwrite && File.Exists(path))
            {
                return false;
            }
            return true;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static IOException Error(string what, string path) =>
        new($"Cannot {what} '{path}' (errno {Marshal.GetLastPInvokeError()}).");

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

    /// <summary>
    /// Group commit of one folder's names: every caller waits for an fsync that starts after its
    /// call, and all callers that arrive while one runs share the next. Under load this turns one
    /// folder fsync per submission into one per burst.
    /// </summary>
    private sealed class FolderFlush(string folder)
    {
        private readonly Lock _lock = new();
        private TaskCompletionSource? _next;
        private bool _running;

        public Task AfterNowAsync()
        {
            lock (_lock)
            {
                var next = _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (!_running)
                {
                    _running = true;
                    _ = Task.Run(Run);
                }
                return next.Task;
            }
        }

        private void Run()
        {
            while (true)
            {
                TaskCompletionSource? batch;
                lock (_lock)
                {
                    batch = _next;
                    _next = null;
                    if (batch is null)
                    {
                        _running = false;
                        return;
                    }
                }
                try
                {
                    FlushFolder(folder);
                    batch.SetResult();
                }
                catch (IOException e)
                {
                    batch.SetException(e);
                }
            }
        }
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

    private const int EINTR = 4;
    private const int EEXIST = 17;
    private const int EINVAL = 22;
    private const int ENOSYS = 38;
    private const int AtCurrentDirectory = -100;
    private const uint RenameFlagNoReplace = 1;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode = 0);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Rename(string from, string to);

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameNoReplace(int fromFolder, string from, int toFolder, string to, uint flags);

    [LibraryImport("libc", EntryPoint = "unlink", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Unlink(string path);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
