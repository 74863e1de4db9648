using Azure.Storage.Blobs.Models;
using Monitoring.Core.Submissions;
using Monitoring.Storage.Blobs;

namespace Monitoring.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobSubmissionStoreTests(AzuriteFixture azurite) : SubmissionStoreContract
{
    protected override ISubmissionStore CreateStore() => new BlobSubmissionStore(azurite.NewContainer());

    protected override async Task<ISubmissionStore> CreateStoreHoldingAsync(IReadOnlyList<(string Name, byte[] Bytes)> records)
    {
        var container = azurite.NewContainer();
        foreach (var (name, bytes) in records) await container.UploadBlobAsync(name, BinaryData.FromBytes(bytes));
        return new BlobSubmissionStore(container);
    }

    [Fact]
    public async Task AReaderThatStopsEarlyEndsTheDownloadsAndAnotherReadStillSeesEveryRecord()
    {
        var items = new[] { ("wb_01", 3) };
        var store = await CreateStoreHoldingAsync(Enumerable.Range(0, 100)
            .Select(i => Monitoring.Tests.Shared.HostileRecords.Good("test-study", $"g-{i:D3}", items))
            .Select(g => (Monitoring.Tests.Shared.HostileRecords.Name("test-study", $"{g.Id}.json"), SubmissionJson.Serialize(g))).ToList());

        await foreach (var _ in store.ReadAllAsync(new("test-study")))
            break;

        Assert.Equal(100, await store.ReadAllAsync(new("test-study")).Select(r => Submissions.Readable(r).Id.Value).Distinct().CountAsync());
    }

    [Fact]
    public async Task ASubmissionIsOneBlockBlobPartitionedByStudyWaveAndSchool()
    {
        var container = azurite.NewContainer();
        var submission = Submissions.Make(id: "b-1");

        await new BlobSubmissionStore(container).AddAsync(submission);

        var blob = Assert.Single(await container.GetBlobsAsync().ToListAsync());
        Assert.Equal("test-study/T0/gent-bs-01/b-1.json", blob.Name);
        Assert.Equal(BlobType.Block, blob.Properties.BlobType);
        var content = await container.GetBlobClient(blob.Name).DownloadContentAsync();
        Submissions.AssertSame(submission, SubmissionJson.Deserialize(content.Value.Content.ToMemory().Span));
    }

    [Fact]
    public async Task TheStoreCreatesItsContainerFromOptions()
    {
        var options = azurite.Options();

        var store = await BlobSubmissionStore.CreateAsync(options);
        await store.AddAsync(Submissions.Make());

        Assert.Single(await store.ReadAllAsync(new("test-study")).Select(Submissions.Readable).ToListAsync());
    }

    [Fact]
    public void AnUnknownServiceVersionIsRejectedWithTheKnownOnes()
    {
        var options = azurite.Options();
        options.ServiceVersion = "1999-01-01";

        var e = Assert.Throws<ArgumentException>(() => options.CreateServiceClient());
        Assert.Contains("1999-01-01", e.Message);
    }
}
