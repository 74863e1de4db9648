using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;
using Monitoring.Storage.Files;

namespace Monitoring.Storage.Tests.Files;

public sealed class FileSubmissionStoreTests : SubmissionStoreContract, IDisposable
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("monitoring-store-").FullName;

    protected override ISubmissionStore CreateStore() => new FileSubmissionStore(new FileStoreOptions { DataPath = _dataPath });

    protected override async Task<ISubmissionStore> CreateStoreHoldingAsync(IReadOnlyList<(string Name, byte[] Bytes)> records) =>
        new FileSubmissionStore(new FileStoreOptions { DataPath = await PlantAsync(_dataPath, records) });

    /// <summary>A new data folder under <paramref name="parent"/> whose submissions folder holds <paramref name="records"/> as raw files.</summary>
    internal static async Task<string> PlantAsync(string parent, IReadOnlyList<(string Name, byte[] Bytes)> records)
    {
        var dataPath = Directory.CreateDirectory(Path.Combine(parent, Guid.NewGuid().ToString("N"))).FullName;
        foreach (var (name, bytes) in records)
        {
            var path = Path.Combine(dataPath, "submissions", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes);
        }
        return dataPath;
    }

    public void Dispose() => Directory.Delete(_dataPath, recursive: true);

    [Fact]
    public async Task ASubmissionIsOneJsonFilePartitionedByStudyWaveAndSchool()
    {
        var submission = Submissions.Make(id: "a-1");

        await CreateStore().AddAsync(submission);

        var file = Path.Combine(_dataPath, "submissions", "test-study", "T0", "gent-bs-01", "a-1.json");
        Assert.True(File.Exists(file), $"expected {file}");
        Assert.Equal([file], Directory.GetFiles(Path.Combine(_dataPath, "submissions"), "*", SearchOption.AllDirectories));
        Submissions.AssertSame(submission, SubmissionJson.Deserialize(await File.ReadAllBytesAsync(file)));
    }

    [Fact]
    public async Task AStoredFileIsNeverRewritten()
    {
        var store = CreateStore();
        await store.AddAsync(Submissions.Make(id: "a-2"));
        var file = Path.Combine(_dataPath, "submissions", "test-study", "T0", "gent-bs-01", "a-2.json");
        var before = await File.ReadAllBytesAsync(file);
        var written = File.GetLastWriteTimeUtc(file);

        await store.AddAsync(Submissions.Make(id: "a-2", answer: 1, received: Submissions.Received.AddHours(1)));

        Assert.Equal(before, await File.ReadAllBytesAsync(file));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public async Task ConcurrentWritersLeaveNoTemporaryFilesBehind()
    {
        var store = CreateStore();
        var submissions = Enumerable.Range(0, 200).Select(i => Submissions.Make(id: $"t-{i % 150}", school: $"school-{i % 5}")).ToArray();

        await Task.WhenAll(submissions.Select(s => Task.Run(() => store.AddAsync(s))));

        var files = Directory.GetFiles(Path.Combine(_dataPath, "submissions"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToArray();
        Assert.DoesNotContain(files, f => f!.StartsWith(".tmp-", StringComparison.Ordinal));
        Assert.Equal(150, files.Length);
    }

    [Fact]
    public async Task ALeftoverTemporaryFileFromACrashIsIgnored()
    {
        var store = CreateStore();
        await store.AddAsync(Submissions.Make());
        var folder = Path.Combine(_dataPath, "submissions", "test-study", "T0", "gent-bs-01");
        await File.WriteAllTextAsync(Path.Combine(folder, ".tmp-0123456789abcdef"), "{\"half\":");

        Assert.Single(await store.ReadAllAsync(new StudyId("test-study")).Select(Submissions.Readable).ToListAsync());
        Assert.Equal(1, await store.CountAsync(new StudyId("test-study"), new WaveId("T0"), new SchoolId("gent-bs-01")));
    }

    [Fact]
    public async Task AnotherStoreOverTheSameFolderSeesEverySubmission()
    {
        var ids = new List<string>();
        var writer = CreateStore();
        for (var i = 0; i < 20; i++)
        {
            var s = Submissions.Make(school: $"school-{i % 4}");
            ids.Add(s.Id.Value);
            await writer.AddAsync(s);
        }

        var read = await CreateStore().ReadAllAsync(new StudyId("test-study")).Select(s => Submissions.Readable(s).Id.Value).ToListAsync();

        Assert.Equal(ids.Order(), read.Order());
    }

    [Fact]
    public async Task TemporaryFilesOfAKilledProcessAreRemovedAndThoseOfALiveWriterStay()
    {
        var store = CreateStore();
        var folder = Path.Combine(_dataPath, "submissions", "test-study", "T0", "gent-bs-01");
        Directory.CreateDirectory(folder);
        var dead = Enumerable.Range(400_000, 1000).First(pid => !Directory.Exists($"/proc/{pid}"));
        string Temporary(string name, TimeSpan age)
        {
            var path = Path.Combine(folder, ".tmp-" + name);
            File.WriteAllText(path, "{\"half\":");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
            return path;
        }
        var ofDeadProcess = Temporary($"{dead}-0123456789abcdef", TimeSpan.Zero);
        var ofThisProcessBeforeItWrote = Temporary($"{Environment.ProcessId}-0123456789abcdef", TimeSpan.Zero);
        var ofLiveProcess = Temporary("1-0123456789abcdef", TimeSpan.FromSeconds(5));
        var ofLiveProcessButAncient = Temporary("1-fedcba9876543210", TimeSpan.FromHours(2));
        var unnamedYoung = Temporary("0123456789abcdef", TimeSpan.FromSeconds(5));
        var unnamedAncient = Temporary("fedcba9876543210", TimeSpan.FromHours(2));

        var removed = ((FileSubmissionStore)store).RemoveOrphans();

        Assert.Equal(4, removed);
        Assert.False(File.Exists(ofDeadProcess));
        Assert.False(File.Exists(ofThisProcessBeforeItWrote));
        Assert.True(File.Exists(ofLiveProcess));
        Assert.False(File.Exists(ofLiveProcessButAncient));
        Assert.True(File.Exists(unnamedYoung));
        Assert.False(File.Exists(unnamedAncient));
        await store.AddAsync(Submissions.Make());
        Assert.Single(await store.ReadAllAsync(new StudyId("test-study")).ToListAsync());
    }

    [Fact]
    public async Task AfterItsFirstWriteAStoreNeverRemovesTheTemporaryFilesOfItsOwnProcess()
    {
        var store = (FileSubmissionStore)CreateStore();
        await store.AddAsync(Submissions.Make());
        var folder = Path.Combine(_dataPath, "submissions", "test-study", "T0", "gent-bs-01");
        var inFlight = Path.Combine(folder, $".tmp-{Environment.ProcessId}-0123456789abcdef");
        File.WriteAllText(inFlight, "{");

        Assert.Equal(0, store.RemoveOrphans());
        Assert.True(File.Exists(inFlight));
    }
}
