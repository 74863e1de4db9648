using System.Text;
using Monitoring.Storage.Files;

namespace Monitoring.Storage.Tests.Files;

public sealed class FileArtifactStoreTests : IDisposable
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("monitoring-artifacts-").FullName;

    public void Dispose() => Directory.Delete(_dataPath, recursive: true);

    private FileArtifactStore Store() => new(new FileStoreOptions { DataPath = _dataPath });

    [Fact]
    public async Task AnArtifactReadsBackAndAPutReplacesIt()
    {
        var store = Store();
        await store.PutAsync("latest/reports/net-a.html", new MemoryStream(Encoding.UTF8.GetBytes("first")));
        await store.PutAsync("latest/reports/net-a.html", new MemoryStream(Encoding.UTF8.GetBytes("second")));

        await using var stream = await store.OpenReadAsync("latest/reports/net-a.html");

        Assert.NotNull(stream);
        Assert.Equal("second", await new StreamReader(stream).ReadToEndAsync());
        Assert.True(File.Exists(Path.Combine(_dataPath, "artifacts", "latest", "reports", "net-a.html")));
    }

    [Fact]
    public async Task AMissingArtifactIsNull()
    {
        Assert.Null(await Store().OpenReadAsync("latest/datasets.zip"));
    }

    [Theory]
    [InlineData("../secrets.txt")]
    [InlineData("latest/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("latest//x")]
    public async Task ANameThatCouldEscapeTheFolderIsRejected(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store().OpenReadAsync(name));
    }
}
