using Azure.Storage.Blobs;
using Monitoring.Storage.Blobs;

namespace Monitoring.Storage.Tests.Blobs;

/// <summary>One Azurite for all blob tests; each test gets its own containers.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    public BlobStoreOptions Options() => new()
    {
        ConnectionString = ConnectionString,
        SubmissionsContainer = "s" + Guid.NewGuid().ToString("N"),
        ArtifactsContainer = "a" + Guid.NewGuid().ToString("N"),
    };

    public BlobContainerClient NewContainer()
    {
        var container = new BlobServiceClient(ConnectionString).GetBlobContainerClient("t" + Guid.NewGuid().ToString("N"));
        container.CreateIfNotExists();
        return container;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
