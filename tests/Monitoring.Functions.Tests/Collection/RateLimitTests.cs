using System.Net;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Collection;

public sealed class RateLimitTests
{
    [Fact]
    public async Task OneTokenBeyondItsBurstGetsTooManyRequestsWithRetryAfter()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["Monitoring:RateLimits:PerTokenBurst"] = "3",
            ["Monitoring:RateLimits:PerTokenPerSecond"] = "1",
        });
        var url = $"/api/questionnaires/{app.Token("T0", "a1")}";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await app.Client.GetAsync(url)).StatusCode);
        var limited = await app.Client.GetAsync(url);
        var otherToken = await app.Client.GetAsync($"/api/questionnaires/{app.Token("T0", "a2")}");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        await Expect.ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, otherToken.StatusCode);
    }

    [Fact]
    public async Task OneAddressBeyondItsBurstGetsTooManyRequestsWhateverTheToken()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["Monitoring:RateLimits:PerAddressBurst"] = "4",
            ["Monitoring:RateLimits:PerAddressPerSecond"] = "1",
        });

        var statuses = new List<HttpStatusCode>();
        foreach (var school in new[] { "a1", "a2", "a3", "a4", "b1", "b2" })
            statuses.Add((await app.Client.GetAsync($"/api/questionnaires/{app.Token("T0", school)}")).StatusCode);

        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task BehindATrustedProxyEachForwardedClientHasItsOwnBudget()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["Monitoring:RateLimits:PerAddressBurst"] = "2",
            ["Monitoring:RateLimits:PerAddressPerSecond"] = "1",
            ["Monitoring:RateLimits:TrustForwardedFor"] = "true",
        });

        async Task<HttpStatusCode> From(string client)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/status/{app.StatusToken("T0", "a1")}");
            request.Headers.Add("X-Forwarded-For", client);
            return (await app.Client.SendAsync(request)).StatusCode;
        }

        var first = new[] { await From("203.0.113.7:51234"), await From("203.0.113.7:51235"), await From("203.0.113.7:51236") };
        var second = await From("[2001:db8::1]:443, 10.0.0.1");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, second);
    }
}
