using System.Net;
using Microsoft.Extensions.Configuration;
using Monitoring.Core.Submissions;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Hosting;

public sealed class CollectionAppTests
{
    [Fact]
    public async Task BadConfigurationStopsTheStartWithEveryProblemListed()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => CollectionApp.CreateAsync(["--environment", "Testing"], b =>
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Monitoring:Store"] = "ftp",
                ["Monitoring:LinkageSecret"] = "c2hvcnQ=",
                ["Monitoring:Keys:0:Role"] = "janitor",
                ["Monitoring:Keys:0:Sha256"] = "abc",
            })));

        Assert.Contains("Monitoring:StudyPath is required", e.Message);
        Assert.Contains("Monitoring:Store is 'ftp'", e.Message);
        Assert.Contains("Monitoring:LinkageSecret must be base64 of at least 32 random bytes", e.Message);
        Assert.Contains("Monitoring:Keys:0:Role is 'janitor'", e.Message);
        Assert.Contains("Monitoring:Keys:0:Sha256 must be 64 hex digits", e.Message);
    }

    [Fact]
    public async Task AnInvalidStudyDefinitionStopsTheStartWithItsProblems()
    {
        var folder = Directory.CreateTempSubdirectory("monitoring-bad-study-").FullName;
        File.WriteAllText(Path.Combine(folder, "study.json"), "{ \"id\": \"x\" }");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => CollectionApp.CreateAsync(["--environment", "Testing"], b =>
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Monitoring:StudyPath"] = folder,
                ["Monitoring:DataPath"] = Path.Combine(folder, "data"),
                ["Monitoring:LinkageSecret"] = RunningApp.LinkageSecret,
            })));

        Assert.Contains("study.json", e.Message);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task LinksIssuedWhileTheAppRunsWorkWithoutARestart()
    {
        await using var app = await RunningApp.StartAsync();
        var issued = InvitationIssuer.Issue(app.Study, new("T0"));
        var book = new InvitationBook(app.Study.Id, []).WithWave(new("T0"), issued.Select(i => i.Invitation));
        await app.Artifacts.PutAsync(InvitationBook.ArtifactName(app.Study.Id), new MemoryStream(book.Serialize()));
        var url = $"/api/questionnaires/{issued[0].Token}";

        var tooSoon = await app.Client.GetAsync(url);
        app.Clock.Now = app.Clock.Now.AddSeconds(31);
        var later = await app.Client.GetAsync(url);
        var oldLink = await app.Client.GetAsync($"/api/questionnaires/{app.Token("T0", "a1")}");

        Assert.Equal(HttpStatusCode.NotFound, tooSoon.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oldLink.StatusCode);
    }

    [Fact]
    public async Task TheSampleStudyServesItsFirstWave()
    {
        var root = Directory.CreateTempSubdirectory("monitoring-sample-").FullName;
        var study = await TestStudy.LoadAsync(Path.Combine(Repository.Root, "data-samples", "study"));
        var tokens = await RunningApp.IssueInvitationsAsync(study, root);
        await using var app = await CollectionApp.CreateAsync(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], b =>
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Monitoring:StudyPath"] = Path.Combine(Repository.Root, "data-samples", "study"),
                ["Monitoring:DataPath"] = root,
                ["Monitoring:LinkageSecret"] = RunningApp.LinkageSecret,
                ["Monitoring:ClockStart"] = study.Waves[0].Opens.AddDays(1).ToString("O"),
                ["Monitoring:Batch:LocalSchedule"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(CollectionApp.Addresses(app)[0]) };

        var q = await RunningApp.JsonAsync(await client.GetAsync($"/api/questionnaires/{tokens[(study.Waves[0].Id.Value, study.Schools[0].Id.Value)]}"));

        Assert.Equal(study.Waves[0].Id.Value, q.GetProperty("wave").GetProperty("id").GetString());
        Assert.Equal(study.ItemsOf(study.Waves[0]).Count(), q.GetProperty("instruments").EnumerateArray().Sum(i => i.GetProperty("items").GetArrayLength()));
        await app.StopAsync();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task TemporaryFilesThatAKilledServerLeftAreRemovedAtStartUp()
    {
        var dataPath = Directory.CreateTempSubdirectory("monitoring-orphans-").FullName;
        var folder = Directory.CreateDirectory(Path.Combine(dataPath, "submissions", "test-study", "T0", "a1")).FullName;
        var dead = Enumerable.Range(400_000, 1000).First(pid => !Directory.Exists($"/proc/{pid}"));
        var orphan = Path.Combine(folder, $".tmp-{dead}-0123456789abcdef0123456789abcdef");
        File.WriteAllText(orphan, "{\"half\":");

        await using var app = await RunningApp.StartAsync(dataPath: dataPath);

        Assert.False(File.Exists(orphan));
        Directory.Delete(dataPath, recursive: true);
    }
}
