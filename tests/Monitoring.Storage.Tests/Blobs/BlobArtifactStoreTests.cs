using System.Text;
using Monitoring.Storage.Blobs;

namespace Monitoring.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobArtifactStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AnArtifactReadsBackAndAPutReplacesIt()
    {
        var store = await BlobArtifactStore.CreateAsync(azurite.Options());
        await store.PutAsync("latest/datasets.zip", new MemoryStream(Encoding.UTF8.GetBytes("first")));
        await store.PutAsync("latest/datasets.zip", new MemoryStream(Encoding.UTF8.GetBytes("second")));

        await using var stream = await store.OpenReadAsync("latest/datasets.zip");

        Assert.NotNull(stream);
        Assert.Equal("second", await new StreamReader(stream).ReadToEndAsync());
    }

    [Fact]
    public async Task AMissingArtifactIsNull()
    {
        var store = await BlobArtifactStore.CreateAsync(azurite.Options());

        Assert.Null(await store.OpenReadAsync("latest/reports/nowhere.html"));
    }
}
