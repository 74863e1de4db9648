using Monitoring.Core.Submissions;
using Monitoring.Storage.Blobs;

namespace Monitoring.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobUsedCodeStoreTests(AzuriteFixture azurite) : UsedCodeStoreContract
{
    protected override IUsedCodeStore CreateStore() => new BlobUsedCodeStore(azurite.NewContainer());
}
