using Azure.Storage.Blobs;
using Monitoring.Storage.Blobs;
using Monitoring.Storage.Tests.Blobs;

namespace Monitoring.Functions.Tests.Support;

/// <summary>One real Azurite (AZURITE_BLOB_CONNECTION_STRING, or one started from PATH) for the app's blob-store tests; each test gets its own containers.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    public BlobStoreOptions Options()
    {
        var suffix = Guid.NewGuid().ToString("N");
        return new()
        {
            ConnectionString = ConnectionString,
            SubmissionsContainer = "s" + suffix,
            ArtifactsContainer = "a" + suffix,
            UsedCodesContainer = "u" + suffix,
        };
    }

    /// <summary>Every blob of the given containers, as (container/name, UTF-8 content).</summary>
    public async Task<List<(string Name, string Content)>> DumpAsync(BlobStoreOptions options)
    {
        var service = new BlobServiceClient(ConnectionString);
        var all = new List<(string, string)>();
        foreach (var name in new[] { options.SubmissionsContainer, options.ArtifactsContainer, options.UsedCodesContainer })
        {
            var container = service.GetBlobContainerClient(name);
            await foreach (var item in container.GetBlobsAsync())
            {
                var content = await container.GetBlobClient(item.Name).DownloadContentAsync();
                all.Add(($"{name}/{item.Name}", content.Value.Content.ToString()));
            }
        }
        return all;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
