using Monitoring.Tests.Shared;
using System.Net;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Hosting;

/// <summary>The file store on a 2 MiB tmpfs that fills up: the client hears 507 with Retry-After, nothing acknowledged is lost, storing resumes.</summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("monitoring-full-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [RootFact]
    public async Task AFullDiskGetsInsufficientStorageWithRetryAfterAndStoringResumesWhenSpaceReturns()
    {
        using var disk = SmallDisk.Mount(Path.Combine(_root, "disk"));
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["Monitoring:RateLimits:Enabled"] = "false" }, dataPath: disk.Path);
        var acknowledged = new List<string>();
        var refused = new List<System.Text.Json.Nodes.JsonObject>();
        async Task SendAsync(System.Text.Json.Nodes.JsonObject body)
        {
            var response = await app.PostAsync(body);
            if (response.IsSuccessStatusCode) acknowledged.Add(body["submissionId"]!.ToString());
            else
            {
                await Expect.ProblemAsync(response, HttpStatusCode.InsufficientStorage);
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "507 without Retry-After");
                refused.Add(body);
            }
        }
        for (var i = 0; i < 10; i++) await SendAsync(RunningApp.Body(app.Token("T0", "a1")));

        var filler = disk.Fill();
        foreach (var school in new[] { "a1", "a2", "b1" })
            for (var i = 0; i < 5; i++) await SendAsync(RunningApp.Body(app.Token("T0", school)));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendAsync(RunningApp.Body(app.Token("T0", "a3")))));

        Assert.Equal(10, acknowledged.Count);
        Assert.Equal(23, refused.Count);
        Assert.Empty(Directory.GetFiles(disk.Path, ".tmp-*", SearchOption.AllDirectories));

        File.Delete(filler);
        foreach (var body in refused)
        {
            var response = await app.PostAsync(body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            acknowledged.Add(body["submissionId"]!.ToString());
        }

        Assert.Equal(acknowledged.Order(), (await app.StoredAsync()).Select(s => s.Id.Value).Order());
        Assert.Empty(Directory.GetFiles(disk.Path, ".tmp-*", SearchOption.AllDirectories));
    }
}
