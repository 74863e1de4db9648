using Monitoring.Core.Submissions;
using Monitoring.Storage.Files;

namespace Monitoring.Storage.Tests.Files;

/// <summary>
/// The same contract with <see cref="FileStoreOptions.FlushToDisk"/> off, which skips the group
/// commit and moves each file into place at once (the load test's --no-flush measurement).
/// </summary>
public sealed class FileSubmissionStoreWithoutFlushTests : SubmissionStoreContract, IDisposable
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("monitoring-store-noflush-").FullName;

    protected override ISubmissionStore CreateStore() => new FileSubmissionStore(new FileStoreOptions { DataPath = _dataPath, FlushToDisk = false });

    protected override async Task<ISubmissionStore> CreateStoreHoldingAsync(IReadOnlyList<(string Name, byte[] Bytes)> records) =>
        new FileSubmissionStore(new FileStoreOptions { DataPath = await FileSubmissionStoreTests.PlantAsync(_dataPath, records), FlushToDisk = false });

    public void Dispose() => Directory.Delete(_dataPath, recursive: true);
}
