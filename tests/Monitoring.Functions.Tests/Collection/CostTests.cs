using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Collection;

/// <summary>One client sending expensive bad bodies as fast as it can does not slow down anyone else.</summary>
[Collection(TimingCollection.Name)]
public sealed class CostTests
{
    /// <summary>A client whose connections come from <paramref name="source"/> (any 127.x.y.z address is loopback on Linux).</summary>
    private static HttpClient ClientFrom(IPAddress source, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task AStreamOfAdversarialBodiesFromOneAddressDoesNotDelayAnotherAddress()
    {
        await using var app = await RunningApp.StartAsync();
        using var normal = ClientFrom(IPAddress.Parse("127.0.0.2"), app.BaseAddress);
        using var attacker = ClientFrom(IPAddress.Loopback, app.BaseAddress);
        // The attacker holds school a1's link (and so drains that link's own budget); the others use other links.
        var schools = app.Study.Schools.Select(s => s.Id.Value).Where(s => s != "a1").ToArray();
        var n = 0;
        async Task<double> NormalRequestAsync()
        {
            var clock = Stopwatch.StartNew();
            var response = await normal.GetAsync($"/api/questionnaires/{app.Token("T0", schools[n++ % schools.Length])}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return clock.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < 10; i++) await NormalRequestAsync(); // warm-up
        var before = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            before.Add(await NormalRequestAsync());
            await Task.Delay(20);
        }

        var body = ValidationCostTests.AdversarialBody(app.Token("T0", "a1"));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        // The attack of issue 11: 20 adversarial bodies a second from one address, each sent without waiting for the last.
        var attack = Task.Run(async () =>
        {
            var sent = new List<Task>();
            while (!stop.IsCancellationRequested)
            {
                sent.Add(Task.Run(async () =>
                {
                    var content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } };
                    try
                    {
                        statuses.Add((await attacker.PostAsync("/api/responses", content, giveUp.Token)).StatusCode);
                    }
                    catch (Exception e) when (e is TaskCanceledException or HttpRequestException)
                    {
                    }
                }));
                await Task.Delay(50);
            }
            await Task.WhenAll(sent);
        });
        var during = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            during.Add(await NormalRequestAsync());
            await Task.Delay(20);
        }
        await attack;

        var p95Before = Percentile(before, 0.95);
        var p95During = Percentile(during, 0.95);
        Assert.True(p95During < p95Before + 300,
            $"p95 {p95Before:0} ms before the stream, {p95During:0} ms during it ({during.Count} requests; the attacker got {string.Join(", ", statuses.GroupBy(s => (int)s).Select(g => $"{g.Count()}× {g.Key}"))})");
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.BadRequest) <= 40,
            $"rejected bodies must use up the attacker's budget faster than accepted ones: {string.Join(", ", statuses.GroupBy(s => (int)s).Select(g => $"{g.Count()}× {g.Key}"))}");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
