using System.IO.Compression;
using Monitoring.Batch.Outputs;
using Monitoring.Core.Submissions;
using Monitoring.Storage.Files;
using Monitoring.Tests.Shared;

namespace Monitoring.Batch.Tests.Outputs;

[Collection(SampleRunCollection.Name)]
public sealed class BatchPublicationTests(SampleRun sample)
{
    [Fact]
    public void EveryFileOfARunIsANamedOutputAndEachNetworksReportNamesItsNetwork()
    {
        var outputs = sample.Result.Outputs;

        Assert.Equal(sample.Result.Files, outputs.Select(o => o.Name));
        Assert.All(outputs, o => Assert.True(File.Exists(Path.Combine(sample.OutputDirectory, o.Name)), o.Name));
        var study = sample.Result.Definition.Study!;
        var reports = outputs.Where(o => o.Kind == BatchOutputKind.NetworkReport).ToArray();
        Assert.Equal(study.Networks.Select(n => n.Id), reports.Select(r => r.Network!.Value));
        foreach (var report in reports)
            Assert.Contains(study.FindNetwork(report.Network!.Value)!.Name, File.ReadAllText(Path.Combine(sample.OutputDirectory, report.Name)), StringComparison.Ordinal);
        Assert.Equal("manifest.json", Assert.Single(outputs, o => o.Kind == BatchOutputKind.Manifest).Name);
        Assert.Contains(outputs, o => o is { Kind: BatchOutputKind.Report, Name: "reports/index.html" });
        Assert.Contains(outputs, o => o is { Kind: BatchOutputKind.Dataset, Name: "datasets/responses.csv" });
        Assert.All(outputs.Where(o => o.Kind != BatchOutputKind.NetworkReport), o => Assert.Null(o.Network));
    }

    [Fact]
    public async Task AFolderAndTheArtifactStoreReceiveTheSamePublishedNamesAndBytes()
    {
        using var folder = new TemporaryDirectory();
        var store = new FileArtifactStore(new FileStoreOptions { DataPath = folder.File("data") });

        var toFolder = await BatchPublication.PublishAsync(sample.Result, sample.OutputDirectory, new FolderOutputTarget(folder.File("published")));
        var toStore = await BatchPublication.PublishAsync(sample.Result, sample.OutputDirectory, new ArtifactOutputTarget(store));

        Assert.Equal(toFolder, toStore);
        Assert.Equal(PublishedArtifacts.Datasets, toFolder[0]);
        Assert.Equal(sample.Result.Definition.Study!.Networks.Count + 1, toFolder.Count);
        foreach (var name in toFolder)
        {
            await using var stored = (await store.OpenReadAsync(name))!;
            using var bytes = new MemoryStream();
            await stored.CopyToAsync(bytes);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder.File("published"), name)), bytes.ToArray());
        }
        using var zip = ZipFile.OpenRead(Path.Combine(folder.File("published"), PublishedArtifacts.Datasets));
        Assert.Equal(sample.Result.Files, zip.Entries.Select(e => e.FullName));
        Assert.Empty(Directory.GetFiles(folder.File("published"), "*.tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AFolderTargetRefusesANameThatLeavesItsFolder()
    {
        using var folder = new TemporaryDirectory();
        var target = new FolderOutputTarget(folder.Path);

        await Assert.ThrowsAsync<ArgumentException>(() => target.WriteAsync("../outside.html", new MemoryStream([1])));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(folder.Path)!, "outside.html")));
    }
}
