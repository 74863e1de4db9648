using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Collection;

/// <summary>The body built to make validation expensive: a small answer, quickly, and validation time linear in the body.</summary>
[Collection(TimingCollection.Name)]
public sealed class ValidationCostTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["Monitoring:RateLimits:Enabled"] = "false" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> PostBytesAsync(byte[] body) =>
        _app.Client.PostAsync("/api/responses", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });

    /// <summary>The body of issue 11: at most 64 KB, 3,000 text answers and 3,000 unknown items.</summary>
    internal static byte[] AdversarialBody(string token)
    {
        var answers = new StringBuilder();
        for (var i = 0; i < 3000; i++) answers.Append($"\"t{i}\":\"x\",");
        for (var i = 0; i < 3000; i++) answers.Append($"\"u{i}\":1,");
        answers.Length--;
        var body = $$"""{"token":"{{token}}","submissionId":"{{Guid.NewGuid()}}","role":"teacher","language":"nl","started":"2021-10-18T09:40:00+02:00","submitted":"2021-10-18T09:52:30+02:00","answers":{""" + answers + "}}";
        var bytes = Encoding.UTF8.GetBytes(body);
        Assert.True(bytes.Length <= 64 * 1024, $"{bytes.Length} bytes");
        return bytes;
    }

    [Fact]
    public async Task TheAdversarialBodyGetsASmallCappedAnswerQuickly()
    {
        var body = AdversarialBody(_app.Token("T0", "a1"));
        await PostBytesAsync(body); // warm-up

        // The best of five, so that a busy machine's pauses do not count: the work itself takes a few ms (0.4–0.9 s before).
        var fastest = TimeSpan.MaxValue;
        HttpResponseMessage response = null!;
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            response = await PostBytesAsync(body);
            await response.Content.LoadIntoBufferAsync();
            fastest = clock.Elapsed < fastest ? clock.Elapsed : fastest;
        }
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(text.Length < 16 * 1024, $"{text.Length} bytes of error for a {body.Length}-byte request");
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(20, problem.GetProperty("errors").GetArrayLength());
        Assert.Equal(6000, problem.GetProperty("problemCount").GetInt32());
        Assert.Equal(5980, problem.GetProperty("more").GetInt32());
        Assert.Contains("6000 problems", problem.GetProperty("detail").GetString());
        Assert.True(fastest < TimeSpan.FromMilliseconds(100), $"answered in {fastest.TotalMilliseconds:0} ms at best");
    }

    [Fact]
    public async Task ValidationTimeGrowsLinearlyWithTheBody()
    {
        static string Body(string token, int n)
        {
            var answers = string.Join(",", Enumerable.Range(0, n).Select(i => $"\"t{i}\":\"x\",\"u{i}\":1"));
            return $$"""{"token":"{{token}}","submissionId":"s-1","role":"teacher","language":"nl","started":"2021-10-18T09:40:00+02:00","submitted":"2021-10-18T09:52:30+02:00","answers":{""" + answers + "}}";
        }
        async Task<double> Best(int n)
        {
            var best = double.MaxValue;
            for (var i = 0; i < 10; i++)
            {
                var clock = Stopwatch.StartNew();
                var response = await _app.Client.PostAsync("/api/responses", new StringContent(Body(_app.Token("T0", "a1"), n), Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }
            return best;
        }

        await Best(500);
        var small = await Best(700);
        var large = await Best(2800);

        // Four times the body: linear work takes about four times as long, quadratic sixteen (it took 82 ms and 1.9 s before);
        // the margin is for a busy machine's pauses, which the best of ten does not always hide.
        Assert.True(large < 10 * small + 20, $"{small:0.0} ms for 700 pairs, {large:0.0} ms for 2800");
    }

    [Fact]
    public async Task LongKeysFullOfDotsAndRepeatedKeysUnderALongKeyAreCheap()
    {
        var token = _app.Token("T0", "a1");
        var dotted = string.Concat(Enumerable.Repeat("a.", 14_000));
        var dots = $$"""{"token":"{{token}}","submissionId":"s-1","role":"teacher","language":"nl","started":"2021-10-18T09:40:00+02:00","submitted":"2021-10-18T09:52:30+02:00","answers":{"{{dotted}}x":"x","{{dotted}}y":1""" + "}}";
        var repeated = "{\"" + new string('k', 30_000) + "\":{" + string.Join(",", Enumerable.Repeat("\"a\":1", 4000)) + "}}";

        foreach (var body in new[] { dots, repeated })
        {
            var fastest = TimeSpan.MaxValue;
            HttpResponseMessage response = null!;
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                response = await PostBytesAsync(Encoding.UTF8.GetBytes(body));
                await response.Content.LoadIntoBufferAsync();
                fastest = clock.Elapsed < fastest ? clock.Elapsed : fastest;
            }

            var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 16 * 1024);
            Assert.True(fastest < TimeSpan.FromMilliseconds(100), $"answered in {fastest.TotalMilliseconds:0} ms at best");
            Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.True(e.GetProperty("field").GetString()!.Length <= 100));
        }
    }
}
