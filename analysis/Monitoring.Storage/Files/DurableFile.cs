using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Monitoring.Core.Submissions;

namespace Monitoring.Storage.Files;

/// <summary>
/// Crash-safe file writes: write a temporary file in the target folder, make it durable, move it into
/// place (without overwriting, unless asked), then make the new name durable too, and only then
/// return. On Linux the two "make durable" steps are group commits: one committer thread takes every
/// write that arrived since its last round and covers them all with one <c>syncfs(2)</c>, so a burst
/// of concurrent writers costs one journal commit instead of one fsync per file and one per folder,
/// and no thread-pool thread blocks in the disk. Elsewhere through FileStream and one fsync per file.
/// </summary>
internal sealed partial class DurableFile
{
    /// <summary>Temporary files start with this, so readers skip them and a restart can delete them.</summary>
    public const string TemporaryPrefix = ".tmp-";

    private readonly string _root;
    private bool _wrote;
    private readonly bool _flushToDisk;
    private readonly GroupCommit? _commit;
    private readonly ConcurrentDictionary<string, bool> _knownFolders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FolderFlush> _folderFlushes = new(StringComparer.Ordinal);

    /// <summary>Writes under <paramref name="root"/> (created if missing), flushed to the disk unless <paramref name="flushToDisk"/> is false.</summary>
    public DurableFile(string root, bool flushToDisk)
        : this(root, flushToDisk, SyncFileSystem)
    {
    }

    /// <summary>As above, with the group commit's sync replaced (tests record or fail it).</summary>
    internal DurableFile(string root, bool flushToDisk, Action<string> syncFileSystem)
    {
        Directory.CreateDirectory(root);
        _root = root;
        _flushToDisk = flushToDisk;
        if (flushToDisk && OperatingSystem.IsLinux()) _commit = new GroupCommit(root, syncFileSystem);
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/>. Without <paramref name="overwrite"/>, returns
    /// false and writes nothing when the file exists, atomically even against concurrent writers.
    /// When the task completes, the file (or the one that was there) is on the disk under its name.
    /// </summary>
    public async Task<bool> WriteAsync(string path, ReadOnlyMemory<byte> bytes, bool overwrite, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            EnsureFolder(folder);
        }
        catch (IOException e) when (e is not StoreFullException && IsDiskFull(e))
        {
            throw Full(folder, e);
        }
        Volatile.Write(ref _wrote, true);
        var temporary = Path.Combine(folder, $"{TemporaryPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        if (_commit is not null)
        {
            WriteTemporaryLinux(temporary, bytes.Span, fsync: false);
            return await _commit.MoveAsync(temporary, path, overwrite).ConfigureAwait(false);
        }
        if (OperatingSystem.IsLinux())
        {
            WriteTemporaryLinux(temporary, bytes.Span, _flushToDisk);
            return MoveLinux(temporary, path, overwrite);
        }
        var written = await WritePortableAsync(temporary, path, bytes, overwrite, cancellationToken).ConfigureAwait(false);
        if (written && _flushToDisk) await _folderFlushes.GetOrAdd(folder, f => new FolderFlush(f)).AfterNowAsync().ConfigureAwait(false);
        return written;
    }

    /// <summary>open(O_EXCL), write, optionally fsync, close: the fewest system calls for a new file.</summary>
    private static unsafe void WriteTemporaryLinux(string temporary, ReadOnlySpan<byte> bytes, bool fsync)
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
            if (fsync && Fsync(fd) != 0) throw Error("flush", temporary);
        }
        catch
        {
            _ = Close(fd);
            _ = Unlink(temporary);
            throw;
        }
        if (Close(fd) != 0)
        {
            var e = Error("close", temporary);
            _ = Unlink(temporary);
            throw e;
        }
    }

    /// <summary>
    /// Moves the temporary file into place: rename(2) when overwriting, else renameat2(RENAME_NOREPLACE),
    /// which moves it only if the name is free, atomically. False (and the temporary file removed) when it was not free.
    /// </summary>
    private static bool MoveLinux(string temporary, string path, bool overwrite)
    {
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
        if (errno is ENOSPC or EDQUOT) throw new StoreFullException($"No space left to move '{temporary}' to '{path}' (errno {errno}); nothing was stored.");
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
                if (_flushToDisk) stream.Flush(flushToDisk: true);
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
        catch (IOException e) when (e is not StoreFullException && IsDiskFull(e))
        {
            throw Full(path, e);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The failed call's error; a <see cref="StoreFullException"/> when the disk or quota is full.</summary>
    private static IOException Error(string what, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return errno is ENOSPC or EDQUOT
            ? new StoreFullException($"No space left to {what} '{path}' (errno {errno}); nothing was stored. Free space on the disk: storing resumes by itself.")
            : new IOException($"Cannot {what} '{path}' (errno {errno}).");
    }

    private static StoreFullException Full(string path, IOException e) =>
        new($"No space left to write '{path}'; nothing was stored. Free space on the disk: storing resumes by itself.", e);

    /// <summary>A full disk or quota: errno ENOSPC or EDQUOT on Unix (where .NET puts the errno in HResult), ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows.</summary>
    internal static bool IsDiskFull(IOException e) =>
        e.HResult is ENOSPC or EDQUOT or unchecked((int)0x80070070) or unchecked((int)0x80070027);

    /// <summary>
    /// Deletes the temporary files under the root that writes of a killed process left behind. A temporary
    /// file's name holds its writer's process id: it is an orphan when that process is gone (or is this one,
    /// before this instance wrote anything: a restarted container reuses its process id), or when it is older
    /// than <paramref name="maximumAge"/> (no write in flight lasts that long). Files of another live process on
    /// the same folder stay. Returns how many were deleted.
    /// </summary>
    public int RemoveOrphans(TimeSpan maximumAge)
    {
        var before = DateTime.UtcNow - maximumAge;
        var removed = 0;
        // AttributesToSkip = 0: on Unix a name starting with "." counts as hidden, and the default skips hidden files.
        foreach (var file in Directory.EnumerateFiles(_root, TemporaryPrefix + "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 }))
        {
            try
            {
                if (WriterIsAlive(Path.GetFileName(file)) && File.GetLastWriteTimeUtc(file) >= before) continue;
                File.Delete(file);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone already (its write finished, or another process swept it) or not ours to delete.
            }
        }
        return removed;
    }

    /// <summary>Whether the process that named a temporary file <c>.tmp-{pid}-{guid}</c> may still be writing it.</summary>
    private bool WriterIsAlive(string name)
    {
        var dash = name.IndexOf('-', TemporaryPrefix.Length);
        if (dash < 0 || !int.TryParse(name.AsSpan(TemporaryPrefix.Length, dash - TemporaryPrefix.Length), out var pid)) return true; // an older name: only its age tells
        if (pid == Environment.ProcessId) return Volatile.Read(ref _wrote);
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void EnsureFolder(string folder)
    {
        if (_knownFolders.ContainsKey(folder)) return;
        var missing = new Stack<string>();
        for (var f = folder; !Directory.Exists(f); f = Path.GetDirectoryName(f)!) missing.Push(f);
        Directory.CreateDirectory(folder);
        // With the group commit, the next syncfs covers the new folders' names as well.
        if (_flushToDisk && _commit is null)
            foreach (var created in missing) FlushFolder(Path.GetDirectoryName(created)!);
        _knownFolders.TryAdd(folder, true);
    }

    /// <summary>
    /// The group commit on Linux. Writers leave a complete temporary file and queue its move; one
    /// committer thread loops: take everything queued, <c>syncfs(2)</c> (which makes the new temporary
    /// files' contents durable and the previous round's renames durable), complete the previous round,
    /// then rename this round's files into place. So a file is renamed only after its contents are on
    /// the disk, and a writer hears back only after its name is on the disk too: two syncs after it
    /// queued, however many writers share them. The thread exits when nothing is queued.
    /// </summary>
    private sealed class GroupCommit(string root, Action<string> syncFileSystem)
    {
        private readonly Lock _lock = new();
        private List<Move> _queued = [];
        private bool _running;

        public Task<bool> MoveAsync(string temporary, string path, bool overwrite)
        {
            var move = new Move(temporary, path, overwrite);
            lock (_lock)
            {
                _queued.Add(move);
                if (!_running)
                {
                    _running = true;
                    new Thread(Run) { IsBackground = true, Name = "store group commit" }.Start();
                }
            }
            return move.Done.Task;
        }

        private void Run()
        {
            List<Move> renamed = [];
            while (true)
            {
                List<Move> arrived;
                lock (_lock)
                {
                    arrived = _queued;
                    if (arrived.Count == 0 && renamed.Count == 0)
                    {
                        _running = false;
                        return;
                    }
                    _queued = [];
                }
                try
                {
                    syncFileSystem(root);
                }
                catch (Exception e)
                {
                    // Any failure fails this round's writers and the last round's (their names may not be durable);
                    // the thread lives on, so the store works again as soon as the cause (a full disk) is gone.
                    foreach (var move in renamed) move.Done.TrySetException(e);
                    foreach (var move in arrived)
                    {
                        _ = Unlink(move.Temporary);
                        move.Done.TrySetException(e);
                    }
                    renamed = [];
                    continue;
                }
                foreach (var move in renamed) move.Done.TrySetResult(move.Moved);
                renamed = new List<Move>(arrived.Count);
                foreach (var move in arrived)
                {
                    try
                    {
                        move.Moved = MoveLinux(move.Temporary, move.Path, move.Overwrite);
                        renamed.Add(move);
                    }
                    catch (Exception e)
                    {
                        _ = Unlink(move.Temporary);
                        move.Done.TrySetException(e);
                    }
                }
            }
        }

        private sealed class Move(string temporary, string path, bool overwrite)
        {
            public string Temporary { get; } = temporary;
            public string Path { get; } = path;
            public bool Overwrite { get; } = overwrite;
            public bool Moved { get; set; }
            public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>syncfs(2) on the file system holding <paramref name="folder"/>: every file and name written to it so far is on the disk.</summary>
    internal static void SyncFileSystem(string folder) => OnFolder(folder, SyncFs, "flush the file system of");

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
        if (!OperatingSystem.IsWindows()) OnFolder(folder, Fsync, "flush folder");
    }

    /// <summary>Opens <paramref name="folder"/>, applies <paramref name="call"/> to its descriptor and closes it; an IOException naming the folder when either fails.</summary>
    private static void OnFolder(string folder, Func<int, int> call, string what)
    {
        var fd = Open(folder, 0 /* O_RDONLY */);
        if (fd < 0) throw new IOException($"Cannot open folder '{folder}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (call(fd) != 0) throw Error(what, folder);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private const int EINTR = 4;
    private const int ENOSPC = 28;
    private const int EDQUOT = 122;
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

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
