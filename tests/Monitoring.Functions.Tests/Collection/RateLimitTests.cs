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

    [Fact]
    public async Task AClientThatWritesItsOwnForwardedForEntryGetsNoFreshBudget()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["Monitoring:RateLimits:PerAddressBurst"] = "2",
            ["Monitoring:RateLimits:PerAddressPerSecond"] = "1",
            ["Monitoring:RateLimits:TrustForwardedFor"] = "true",
        });

        // The client sends "X-Forwarded-For: <made up>"; the trusted proxy appends the address it saw.
        async Task<HttpStatusCode> Spoofed(int n)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/status/{app.StatusToken("T0", "a1")}");
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{n}, 203.0.113.7:5123{n}");
            return (await app.Client.SendAsync(request)).StatusCode;
        }

        var statuses = new[] { await Spoofed(1), await Spoofed(2), await Spoofed(3), await Spoofed(4) };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task BehindTwoTrustedProxiesTheClientIsTheSecondEntryFromTheRight()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["Monitoring:RateLimits:PerAddressBurst"] = "2",
            ["Monitoring:RateLimits:PerAddressPerSecond"] = "1",
            ["Monitoring:RateLimits:TrustForwardedFor"] = "true",
            ["Monitoring:RateLimits:ForwardedHops"] = "2",
        });

        async Task<HttpStatusCode> Via(string forwarded)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/status/{app.StatusToken("T0", "a1")}");
            request.Headers.Add("X-Forwarded-For", forwarded);
            return (await app.Client.SendAsync(request)).StatusCode;
        }

        var one = new[] { await Via("1.1.1.1, 203.0.113.7, 10.0.0.1"), await Via("2.2.2.2, 203.0.113.7, 10.0.0.2"), await Via("203.0.113.7, 10.0.0.3") };
        var other = await Via("203.0.113.8, 10.0.0.1");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], one);
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public async Task RejectedRequestsUseUpAnAddressFasterThanAcceptedOnes()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["Monitoring:RateLimits:PerAddressBurst"] = "30",
            ["Monitoring:RateLimits:PerAddressPerSecond"] = "1",
            ["Monitoring:RateLimits:RejectedCost"] = "10",
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await app.Client.GetAsync("/api/questionnaires/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).StatusCode);

        // 30 permits, 10 per rejected request: three 404s, then 429 (a refill tick in between may allow one more 404).
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task ALinksBurstIsSizedToItsSchoolsStaff()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["Monitoring:RateLimits:PerTokenPerSecond"] = "1",
            ["Monitoring:RateLimits:PerStaffMember"] = "2",
            ["Monitoring:RateLimits:MinimumTokenBurst"] = "5",
            ["Monitoring:RateLimits:UnknownStaffBurst"] = "7",
        });

        async Task<int> AcceptedOf(string school)
        {
            var accepted = 0;
            for (var i = 0; i < 60; i++)
                if ((await app.Client.GetAsync($"/api/questionnaires/{app.Token("T0", school)}")).StatusCode == HttpStatusCode.OK) accepted++;
            return accepted;
        }

        // a1 has 20 staff in T0 (burst 40), a2 has 10 (burst 20), a3 has no staff size (burst 7); a second or two of refill at most.
        Assert.InRange(await AcceptedOf("a1"), 40, 43);
        Assert.InRange(await AcceptedOf("a2"), 20, 23);
        Assert.InRange(await AcceptedOf("a3"), 7, 10);
    }
}
