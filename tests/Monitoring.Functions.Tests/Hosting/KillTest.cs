using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Monitoring.Core.Studies;
using Monitoring.Functions.Tests.Support;
using Monitoring.Storage.Files;

namespace Monitoring.Functions.Tests.Hosting;

/// <summary>A server killed with SIGKILL in the middle of a stream of submissions has lost none that it acknowledged.</summary>
public sealed class KillTest : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("monitoring-kill-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task EveryAcknowledgedSubmissionSurvivesAKilledServerAndResendingStoresEachOnce()
    {
        var studyPath = TestStudy.Write(Path.Combine(_root, "study"));
        var study = await TestStudy.LoadAsync(studyPath);
        var dataPath = Path.Combine(_root, "data");
        var tokens = await RunningApp.IssueInvitationsAsync(study, dataPath);
        var environment = new Dictionary<string, string>
        {
            ["Monitoring__StudyPath"] = studyPath,
            ["Monitoring__DataPath"] = dataPath,
            ["Monitoring__LinkageSecret"] = RunningApp.LinkageSecret,
            ["Monitoring__ClockStart"] = TestStudy.InT0.ToString("O"),
            ["Monitoring__RateLimits__Enabled"] = "false",
            ["Monitoring__Batch__LocalSchedule"] = "false",
        };
        var schools = study.Schools.Select(s => s.Id.Value).ToArray();
        var ready = $"/api/questionnaires/{tokens[("T0", schools[0])]}";

        var acknowledged = new ConcurrentDictionary<string, string>();
        var sent = new ConcurrentDictionary<string, string>();
        await using (var server = await ServerProcess.StartAsync(environment, ready))
        {
            using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(5) };
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var body = RunningApp.Body(tokens[("T0", schools[(worker + n) % schools.Length])]).ToJsonString();
                    var id = System.Text.Json.Nodes.JsonNode.Parse(body)!["submissionId"]!.ToString();
                    sent[id] = body;
                    try
                    {
                        var response = await client.PostAsync("/api/responses", new StringContent(body, Encoding.UTF8, "application/json"));
                        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK) acknowledged[id] = body;
                        else Assert.Fail($"Unexpected {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToArray();

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (acknowledged.Count < 300 && DateTime.UtcNow < deadline) await Task.Delay(10);
            server.Kill();
            stop.Cancel();
            await Task.WhenAll(senders);
        }

        Assert.True(acknowledged.Count >= 300, $"only {acknowledged.Count} acknowledged before the deadline");
        var store = new FileSubmissionStore(new FileStoreOptions { DataPath = dataPath });
        var stored = await store.ReadAllAsync(study.Id).Select(s => s.Submission!.Id.Value).ToListAsync();
        var missing = acknowledged.Keys.Except(stored).ToArray();
        Assert.True(missing.Length == 0, $"{missing.Length} of {acknowledged.Count} acknowledged submissions are missing after the kill");
        Assert.Equal(stored.Count, stored.Distinct().Count());

        await using (var restarted = await ServerProcess.StartAsync(environment, ready))
        {
            using var client = new HttpClient { BaseAddress = restarted.Address };
            foreach (var (id, body) in sent)
            {
                var response = await client.PostAsync("/api/responses", new StringContent(body, Encoding.UTF8, "application/json"));
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{id}: {(int)response.StatusCode}");
                if (acknowledged.ContainsKey(id)) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        var after = await store.ReadAllAsync(study.Id).Select(s => s.Submission!.Id.Value).ToListAsync();
        Assert.Equal(sent.Keys.Order(), after.Order());
    }
}
