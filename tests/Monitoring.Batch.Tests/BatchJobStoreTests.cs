using Azure.Storage.Blobs;
using Monitoring.Core.Submissions;
using Monitoring.Storage.Blobs;
using Monitoring.Storage.Tests.Blobs;
using Monitoring.Tests.Shared;

namespace Monitoring.Batch.Tests;

/// <summary>
/// The batch over a store of submissions, in the file store's folder layout and in Azure Blob Storage (Azurite): a
/// hostile record never stops the run; each is in cleaning_log.csv with its name and its problem code, and the good
/// ones are analysed, among them one whose device clock says 2020 but that the server received inside the window.
/// </summary>
public class BatchJobStoreTests
{
    private const string Study = "vlaamse-veerkracht-2021-2023";

    private static readonly DateTimeOffset InsideT0 = new(2021, 10, 12, 10, 0, 0, TimeSpan.FromHours(2));

    private static readonly (string Item, int Answer)[] Items = ResponseRow.Items;

    /// <summary>Six good submissions, then one from a phone whose clock is set to 2020, received inside T0.</summary>
    private static IReadOnlyList<Submission> Good() =>
    [
        .. Enumerable.Range(0, 6).Select(i => HostileRecords.Good(Study, $"good-{i}", Items, InsideT0.AddMinutes(20 * i))),
        HostileRecords.Good(Study, "device-2020", Items, new DateTimeOffset(2020, 1, 1, 8, 0, 0, TimeSpan.FromHours(1)), InsideT0),
    ];

    private static List<(string Name, byte[] Bytes)> Records() =>
    [
        .. HostileRecords.All(Study, Items).Select(h => (HostileRecords.Name(Study, h.File), h.Bytes)),
        .. Good().Select(g => (HostileRecords.Name(Study, $"{g.Id}.json"), SubmissionJson.Serialize(g))),
    ];

    private static void AssertEveryBadRecordExcludedAndEveryGoodOneAnalysed(BatchRunResult result, string output)
    {
        Assert.True(result.Succeeded);
        var log = CsvTable.Read(Path.Combine(output, "datasets", "cleaning_log.csv"));
        var details = log.Rows.Select(r => (Rule: r[log.Column("rule")], Detail: r[log.Column("detail")], Id: r[log.Column("response_id")],
            School: r[log.Column("school")], Wave: r[log.Column("wave")])).ToList();
        foreach (var (file, _, code) in HostileRecords.All(Study, Items))
        {
            var name = HostileRecords.Name(Study, file);
            var row = Assert.Single(details, d => d.Detail.Contains($"'{name}'", StringComparison.Ordinal));
            Assert.Equal("invalid", row.Rule);
            Assert.Equal((file[..^5], HostileRecords.School, HostileRecords.Wave), (row.Id, row.School, row.Wave));
            Assert.Contains($"[{code}]", row.Detail, StringComparison.Ordinal);
        }
        Assert.Equal(HostileRecords.All(Study, Items).Count, details.Count);
        var responses = CsvTable.Read(Path.Combine(output, "datasets", "responses.csv"));
        Assert.Equal(Good().Select(g => g.Id.Value).Order(StringComparer.Ordinal),
            responses.Rows.Select(r => r[responses.Column("response_id")]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AFileStoreFullOfHostileRecordsIsReadToTheEndAndEachBadRecordIsLoggedWithItsFileAndReason()
    {
        using var folder = new TemporaryDirectory();
        foreach (var (name, bytes) in Records())
        {
            var path = folder.File("data", "submissions", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes);
        }

        var result = await BatchJob.RunAsync(SampleRun.Options(folder.File("out")) with { Responses = folder.File("data") });

        AssertEveryBadRecordExcludedAndEveryGoodOneAnalysed(result, folder.File("out"));
    }

    [Fact]
    public async Task ABlobStoreFullOfHostileRecordsIsReadToTheEndAndEachBadRecordIsLoggedWithItsBlobAndReason()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("hostile" + Guid.NewGuid().ToString("N"));
        await container.CreateAsync();
        foreach (var (name, bytes) in Records()) await container.UploadBlobAsync(name, BinaryData.FromBytes(bytes));
        using var folder = new TemporaryDirectory();

        var result = await BatchJob.RunAsync(SampleRun.Options(folder.File("out")) with { Store = new BlobSubmissionStore(container), StoreDescription = container.Name });

        AssertEveryBadRecordExcludedAndEveryGoodOneAnalysed(result, folder.File("out"));
    }

    [Fact]
    public async Task ASubmissionFromADeviceSetTo2020ThatTheServerReceivedInsideTheWindowIsKept()
    {
        using var folder = new TemporaryDirectory();
        var phone = Good().Single(g => g.Id.Value == "device-2020");
        var path = folder.File("data", "submissions", HostileRecords.Name(Study, "device-2020.json"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, SubmissionJson.Serialize(phone));

        var result = await BatchJob.RunAsync(SampleRun.Options(folder.File("out")) with { Responses = folder.File("data") });

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Outcome!.Cleaning.KeptCount);
        Assert.Empty(result.Outcome.Cleaning.Exclusions);
    }
}
