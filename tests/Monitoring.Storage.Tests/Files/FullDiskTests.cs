using Monitoring.Tests.Shared;
using Monitoring.Core.Submissions;
using Monitoring.Storage.Files;

namespace Monitoring.Storage.Tests.Files;

/// <summary>The file store on a 2 MiB tmpfs that fills up.</summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("monitoring-store-full-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [RootFact]
    public async Task AFullDiskFailsTheWriteAsStoreFullLeavesNothingBehindAndTheStoreWorksOnceSpaceReturns()
    {
        using var disk = SmallDisk.Mount(Path.Combine(_root, "disk"));
        var store = new FileSubmissionStore(new FileStoreOptions { DataPath = disk.Path });
        await store.AddAsync(Submissions.Make(id: "before"));
        var filler = disk.Fill();

        var full = await Assert.ThrowsAsync<StoreFullException>(() => store.AddAsync(Submissions.Make(id: "during")));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.AddAsync(Submissions.Make(id: $"during-{i}", school: $"school-{i}"));
                return null;
            }
            catch (StoreFullException e)
            {
                return e;
            }
        })));

        Assert.Contains("No space left", full.Message);
        Assert.All(concurrent, Assert.NotNull);
        Assert.Empty(Directory.GetFiles(disk.Path, DurableFile.TemporaryPrefix + "*", SearchOption.AllDirectories));
        File.Delete(filler);
        Assert.Equal(StoreOutcome.Stored, (await store.AddAsync(Submissions.Make(id: "during"))).Outcome);
        Assert.Equal(StoreOutcome.Stored, (await store.AddAsync(Submissions.Make(id: "after", school: "school-1"))).Outcome);
        Assert.Equal(["after", "before", "during"], (await store.ReadAllAsync(Submissions.Make().Study).ToListAsync()).Select(r => r.Submission!.Id.Value).Order());
    }
}
