using System.Text;
using Monitoring.Storage.Files;

namespace Monitoring.Storage.Tests.Files;

/// <summary>The order of the group commit (Linux, where the tests run): contents synced before the rename, the rename synced before the answer.</summary>
public sealed class DurableFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("monitoring-durable-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AFileGetsItsNameOnlyAfterOneSyncAndIsAcknowledgedOnlyAfterAnother()
    {
        var path = Path.Combine(_root, "school", "a.json");
        var seen = new List<(bool Named, bool TemporaryThere)>();
        var files = new DurableFile(_root, flushToDisk: true, root =>
        {
            Assert.Equal(_root, root);
            lock (seen) seen.Add((File.Exists(path), Temporaries().Length > 0));
            DurableFile.SyncFileSystem(root);
        });

        var written = await files.WriteAsync(path, Encoding.UTF8.GetBytes("{}"), overwrite: false, CancellationToken.None);

        Assert.True(written);
        Assert.Equal([(false, true), (true, false)], seen);
        Assert.Equal("{}", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task AFailedSyncFailsTheWriteAndLeavesNothingBehind()
    {
        var path = Path.Combine(_root, "school", "b.json");
        var calls = 0;
        var files = new DurableFile(_root, flushToDisk: true, root =>
        {
            if (Interlocked.Increment(ref calls) == 1) throw new IOException("disk full (test)");
            DurableFile.SyncFileSystem(root);
        });

        var failure = await Assert.ThrowsAsync<IOException>(() => files.WriteAsync(path, Encoding.UTF8.GetBytes("{}"), overwrite: false, CancellationToken.None));

        Assert.Equal("disk full (test)", failure.Message);
        Assert.False(File.Exists(path));
        Assert.Empty(Temporaries());
        Assert.True(await files.WriteAsync(path, Encoding.UTF8.GetBytes("{}"), overwrite: false, CancellationToken.None));
        Assert.True(File.Exists(path));
    }

    private string[] Temporaries() =>
        Directory.Exists(_root)
            ? Directory.GetFiles(_root, DurableFile.TemporaryPrefix + "*", SearchOption.AllDirectories)
            : [];
}
