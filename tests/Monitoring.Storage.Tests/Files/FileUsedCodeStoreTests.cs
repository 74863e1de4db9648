using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;
using Monitoring.Storage.Files;

namespace Monitoring.Storage.Tests.Files;

public sealed class FileUsedCodeStoreTests : UsedCodeStoreContract, IDisposable
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("monitoring-used-codes-").FullName;

    public void Dispose() => Directory.Delete(_dataPath, recursive: true);

    protected override IUsedCodeStore CreateStore() => new FileUsedCodeStore(new FileStoreOptions { DataPath = _dataPath });

    [Fact]
    public async Task AUsedCodeIsAnEmptyFileNamedByItsHashOutsideTheSubmissions()
    {
        await CreateStore().TryMarkUsedAsync(new StudyId("test-study"), new WaveId("T0"), new string('d', 64));

        var file = Path.Combine(_dataPath, "used-codes", "test-study", "T0", new string('d', 64));
        Assert.True(File.Exists(file));
        Assert.Equal(0, new FileInfo(file).Length);
        Assert.False(Directory.Exists(Path.Combine(_dataPath, "submissions")));
    }
}
