using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Access;

public sealed class DownloadEndpointTests : IAsyncLifetime
{
    private static readonly byte[] Zip = [0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await RunningApp.StartAsync();
        await _app.Artifacts.PutAsync("latest/datasets.zip", new MemoryStream(Zip));
        await _app.Artifacts.PutAsync("latest/reports/net-a.html", new MemoryStream(Encoding.UTF8.GetBytes("<h1>Netwerk A</h1>")));
        await _app.Artifacts.PutAsync("latest/reports/net-b.html", new MemoryStream(Encoding.UTF8.GetBytes("<h1>Netwerk B</h1>")));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string, HttpStatusCode> Matrix => new()
    {
        // who              resource                     expected
        { "none",           "/api/datasets/latest",      HttpStatusCode.Unauthorized },
        { "none",           "/api/reports/net-a",        HttpStatusCode.Unauthorized },
        { "none",           "/api/reports/net-b",        HttpStatusCode.Unauthorized },
        { "wrong-key",      "/api/datasets/latest",      HttpStatusCode.Unauthorized },
        { "wrong-key",      "/api/reports/net-a",        HttpStatusCode.Unauthorized },
        { "wrong-key",      "/api/reports/net-b",        HttpStatusCode.Unauthorized },
        { "researcher",     "/api/datasets/latest",      HttpStatusCode.OK },
        { "researcher",     "/api/reports/net-a",        HttpStatusCode.OK },
        { "researcher",     "/api/reports/net-b",        HttpStatusCode.OK },
        { "researcher",     "/api/reports/no-such-net",  HttpStatusCode.NotFound },
        { "coordinator-a",  "/api/datasets/latest",      HttpStatusCode.Forbidden },
        { "coordinator-a",  "/api/reports/net-a",        HttpStatusCode.OK },
        { "coordinator-a",  "/api/reports/net-b",        HttpStatusCode.Forbidden },
        { "coordinator-a",  "/api/reports/no-such-net",  HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachRoleOpensExactlyItsResources(string who, string resource, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, resource);
        var key = who switch
        {
            "researcher" => RunningApp.ResearcherKey,
            "coordinator-a" => RunningApp.CoordinatorAKey,
            "wrong-key" => RunningApp.ResearcherKey + "x",
            _ => null,
        };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var response = await _app.Client.SendAsync(request);

        if (expected != HttpStatusCode.OK)
        {
            await Expect.ProblemAsync(response, expected);
            if (expected == HttpStatusCode.Unauthorized) Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            return;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (resource.EndsWith("latest", StringComparison.Ordinal))
        {
            Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Zip, bytes);
        }
        else
        {
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"<h1>Netwerk {char.ToUpperInvariant(resource[^1])}</h1>", Encoding.UTF8.GetString(bytes));
        }
    }

    [Fact]
    public async Task BeforeTheFirstBatchThereIsNothingToDownload()
    {
        await using var fresh = await RunningApp.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/datasets/latest");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningApp.ResearcherKey);
        var report = new HttpRequestMessage(HttpMethod.Get, "/api/reports/net-a");
        report.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningApp.CoordinatorAKey);

        await Expect.ProblemAsync(await fresh.Client.SendAsync(request), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await fresh.Client.SendAsync(report), HttpStatusCode.NotFound);
    }
}
