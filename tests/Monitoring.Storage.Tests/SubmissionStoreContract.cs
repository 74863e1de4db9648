using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Storage.Tests;

/// <summary>What every <see cref="ISubmissionStore"/> must do; each store's test class runs these against the real store.</summary>
public abstract class SubmissionStoreContract
{
    /// <summary>A new, empty store.</summary>
    protected abstract ISubmissionStore CreateStore();

    /// <summary>A new store holding exactly <paramref name="records"/> as raw bytes under their names (<c>{study}/{wave}/{school}/{file}</c>).</summary>
    protected abstract Task<ISubmissionStore> CreateStoreHoldingAsync(IReadOnlyList<(string Name, byte[] Bytes)> records);

    [Fact]
    public async Task EveryHostileRecordIsYieldedWithItsNameAndProblemAndTheGoodOnesAreRead()
    {
        var items = new[] { ("wb_01", 3), ("wb_02", 2) };
        var hostile = Monitoring.Tests.Shared.HostileRecords.All("test-study", items);
        var good = Enumerable.Range(0, 40).Select(i => Monitoring.Tests.Shared.HostileRecords.Good("test-study", $"good-{i:D2}", items)).ToList();
        var store = await CreateStoreHoldingAsync([
            .. hostile.Select(h => (Monitoring.Tests.Shared.HostileRecords.Name("test-study", h.File), h.Bytes)),
            .. good.Select(g => (Monitoring.Tests.Shared.HostileRecords.Name("test-study", $"{g.Id}.json"), SubmissionJson.Serialize(g)))]);

        var records = await store.ReadAllAsync(new StudyId("test-study")).ToDictionaryAsync(r => r.Name);

        Assert.Equal(hostile.Count + good.Count, records.Count);
        foreach (var (file, _, code) in hostile)
        {
            var record = records[Monitoring.Tests.Shared.HostileRecords.Name("test-study", file)];
            Assert.Null(record.Submission);
            Assert.Contains(record.Problems, p => p.Code == code);
        }
        foreach (var submission in good)
            Submissions.AssertSame(submission, Submissions.Readable(records[Monitoring.Tests.Shared.HostileRecords.Name("test-study", $"{submission.Id}.json")]));
    }

    [Fact]
    public async Task ANewerFormatIsExcludedWithAReasonThatSaysToUpgrade()
    {
        var hostile = Monitoring.Tests.Shared.HostileRecords.All("test-study", [("wb_01", 3)]).Single(h => h.File == "format-2.json");
        var store = await CreateStoreHoldingAsync([(Monitoring.Tests.Shared.HostileRecords.Name("test-study", hostile.File), hostile.Bytes)]);

        var problem = Assert.Single(Assert.Single(await store.ReadAllAsync(new StudyId("test-study")).ToListAsync()).Problems);

        Assert.Equal("unsupported-format", problem.Code);
        Assert.Equal("Format 2 is newer than this version reads (1); upgrade Monitoring to read it.", problem.Message);
    }

    [Fact]
    public async Task AStoredSubmissionReadsBackUnchanged()
    {
        var store = CreateStore();
        var submission = Submissions.Make();

        var (outcome, stored) = await store.AddAsync(submission);

        Assert.Equal(StoreOutcome.Stored, outcome);
        Assert.Same(submission, stored);
        var all = await store.ReadAllAsync(submission.Study).Select(Submissions.Readable).ToListAsync();
        Submissions.AssertSame(submission, Assert.Single(all));
    }

    [Fact]
    public async Task TheSameIdAgainIsAlreadyStoredAndKeepsTheFirstRecord()
    {
        var store = CreateStore();
        var first = Submissions.Make(id: "same-id");
        await store.AddAsync(first);

        var (outcome, stored) = await store.AddAsync(Submissions.Make(id: "same-id", received: first.Received.AddMinutes(5), answer: 1));

        Assert.Equal(StoreOutcome.AlreadyStored, outcome);
        Submissions.AssertSame(first, stored);
        Submissions.AssertSame(first, Assert.Single(await store.ReadAllAsync(first.Study).Select(Submissions.Readable).ToListAsync()));
    }

    [Fact]
    public async Task ConcurrentWritersOfTheSameIdStoreItExactlyOnce()
    {
        var store = CreateStore();
        var attempts = Enumerable.Range(0, 24)
            .Select(i => Submissions.Make(id: "raced", received: Submissions.Received.AddSeconds(i)))
            .ToArray();

        var results = await Task.WhenAll(attempts.Select(s => Task.Run(() => store.AddAsync(s))));

        var winner = Assert.Single(results, r => r.Outcome == StoreOutcome.Stored);
        Assert.Equal(attempts.Length - 1, results.Count(r => r.Outcome == StoreOutcome.AlreadyStored));
        Assert.All(results, r => Assert.Equal(winner.Stored.Received, r.Stored.Received));
        var all = await store.ReadAllAsync(winner.Stored.Study).Select(Submissions.Readable).ToListAsync();
        Assert.Equal(winner.Stored.Received, Assert.Single(all).Received);
    }

    [Fact]
    public async Task ABurstOfConcurrentWritersAcrossSchoolsIsStoredCompletelyAndOnce()
    {
        var store = CreateStore();
        var distinct = Enumerable.Range(0, 400).Select(i => Submissions.Make(id: $"burst-{i}", school: $"school-{i % 8}", answer: 1 + i % 5)).ToArray();
        var again = distinct.Where((_, i) => i % 10 == 0).Select(s => Submissions.Make(id: s.Id.Value, school: s.School.Value, answer: s.Answers.Values.First(), received: s.Received.AddSeconds(1))).ToArray();

        var results = await Task.WhenAll(distinct.Concat(again).Select(s => Task.Run(() => store.AddAsync(s))));

        Assert.Equal(distinct.Length, results.Count(r => r.Outcome == StoreOutcome.Stored));
        Assert.Equal(again.Length, results.Count(r => r.Outcome == StoreOutcome.AlreadyStored));
        var all = await store.ReadAllAsync(distinct[0].Study).Select(Submissions.Readable).ToDictionaryAsync(s => s.Id.Value);
        Assert.Equal(distinct.Select(s => s.Id.Value).Order(), all.Keys.Order());
        Assert.All(distinct, s => Assert.Equal(s.Answers.OrderBy(a => a.Key.Value), all[s.Id.Value].Answers.OrderBy(a => a.Key.Value)));
        Assert.All(results, r => Assert.Equal(all[r.Stored.Id.Value].Received, r.Stored.Received));
    }

    [Fact]
    public async Task TheSameIdInAnotherSchoolIsAnotherSubmission()
    {
        var store = CreateStore();
        await store.AddAsync(Submissions.Make(id: "x1", school: "gent-bs-01"));

        var (outcome, _) = await store.AddAsync(Submissions.Make(id: "x1", school: "gent-bs-02"));

        Assert.Equal(StoreOutcome.Stored, outcome);
    }

    [Fact]
    public async Task CountsArePerStudyWaveAndSchool()
    {
        var store = CreateStore();
        for (var i = 0; i < 3; i++) await store.AddAsync(Submissions.Make(school: "gent-bs-01"));
        await store.AddAsync(Submissions.Make(school: "gent-bs-02"));
        await store.AddAsync(Submissions.Make(school: "gent-bs-01", wave: "T1"));
        await store.AddAsync(Submissions.Make(school: "gent-bs-01", study: "other-study"));

        Assert.Equal(3, await store.CountAsync(new StudyId("test-study"), new WaveId("T0"), new SchoolId("gent-bs-01")));
        Assert.Equal(1, await store.CountAsync(new StudyId("test-study"), new WaveId("T0"), new SchoolId("gent-bs-02")));
        Assert.Equal(0, await store.CountAsync(new StudyId("test-study"), new WaveId("T2"), new SchoolId("gent-bs-01")));
        Assert.Equal(5, (await store.ReadAllAsync(new StudyId("test-study")).Select(Submissions.Readable).ToListAsync()).Count);
    }

    [Fact]
    public async Task AnIdThatIsNotASafeNameIsACallersBug()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync(Submissions.Make(school: "../escape")));
    }

    [Fact]
    public async Task AStoredSubmissionIsFoundByItsIdAndAMissingOneIsNull()
    {
        var store = CreateStore();
        var submission = Submissions.Make(id: "find-me");
        await store.AddAsync(submission);

        var found = await store.FindAsync(submission.Study, submission.Wave, submission.School, submission.Id);
        var otherSchool = await store.FindAsync(submission.Study, submission.Wave, new SchoolId("gent-bs-02"), submission.Id);
        var missing = await store.FindAsync(submission.Study, submission.Wave, submission.School, new SubmissionId("not-there"));

        Submissions.AssertSame(submission, found!);
        Assert.Null(otherSchool);
        Assert.Null(missing);
    }
}
