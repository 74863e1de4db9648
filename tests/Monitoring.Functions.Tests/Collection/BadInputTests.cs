using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Collection;

/// <summary>Bodies that no page sends: broken text, loose timestamps, repeated keys, and a body built to make validation expensive.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["Monitoring:RateLimits:Enabled"] = "false" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> PostBytesAsync(byte[] body) =>
        _app.Client.PostAsync("/api/responses", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });

    /// <summary>A valid body's JSON with <paramref name="marker"/> (an ASCII placeholder inside it) replaced by raw bytes.</summary>
    private byte[] WithBytes(JsonObject body, string marker, byte[] replacement)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker));
        Assert.True(at >= 0);
        return [.. bytes.AsSpan(0, at), .. replacement, .. bytes.AsSpan(at + marker.Length)];
    }

    [Fact]
    public async Task InvalidUtf8InAValueIsABadRequestNamingTheField()
    {
        var body = RunningApp.Body(_app.Token("T0", "a1"));
        body["role"] = "MARK";

        var response = await PostBytesAsync(WithBytes(body, "MARK", [0x74, 0xFF, 0xFE, 0x72]));

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, ("invalid-text", "role"));
        Assert.Empty(await _app.StoredAsync());
    }

    [Fact]
    public async Task AnUnpairedSurrogateEscapedInAValueIsABadRequestNamingTheField()
    {
        var body = RunningApp.Body(_app.Token("T0", "a1"));
        body["linkage"]!["mother_initials"] = "MARK";
        var json = body.ToJsonString().Replace("MARK", "A\\ud800");

        var response = await _app.Client.PostAsync("/api/responses", new StringContent(json, Encoding.UTF8, "application/json"));

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, ("invalid-text", "linkage.mother_initials"));
    }

    [Fact]
    public async Task AnUnpairedSurrogateInAKeyRawOrEscapedIsABadRequest()
    {
        var body = RunningApp.Body(_app.Token("T0", "a1"));
        body["answers"]!["MARK"] = 3;
        // A raw UTF-8-encoded surrogate (ED A0 80) is invalid UTF-8; escaped, a low surrogate alone and a high one before a letter.
        var raw = WithBytes(body, "MARK", [0xED, 0xA0, 0x80]);
        var escaped = Encoding.UTF8.GetBytes(body.ToJsonString().Replace("MARK", "\\udc00x"));
        var highThenLetter = Encoding.UTF8.GetBytes(body.ToJsonString().Replace("MARK", "\\ud83dx"));

        foreach (var bytes in new[] { raw, escaped, highThenLetter })
        {
            var problem = await Expect.ProblemAsync(await PostBytesAsync(bytes), HttpStatusCode.BadRequest);
            var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
            Assert.Equal("invalid-text", error.GetProperty("code").GetString());
            Assert.StartsWith("answers.", error.GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task APairedSurrogateIsFineText()
    {
        var body = RunningApp.Body(_app.Token("T0", "a1"));
        body["linkage"]!["birthplace_initials"] = "MARK";
        var json = body.ToJsonString().Replace("MARK", "G\\u00e9");
        var emoji = RunningApp.Body(_app.Token("T0", "a1"));
        emoji["role"] = "MARK";
        var withEmoji = emoji.ToJsonString().Replace("MARK", "\\ud83d\\ude00");

        var ok = await _app.Client.PostAsync("/api/responses", new StringContent(json, Encoding.UTF8, "application/json"));
        var unknownRole = await _app.Client.PostAsync("/api/responses", new StringContent(withEmoji, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        await Expect.ProblemAsync(unknownRole, HttpStatusCode.BadRequest, ("unknown-role", "role"));
    }

    [Theory]
    [InlineData("10/18/2021 09:40:00 +02:00")]
    [InlineData("18 Oct 2021 09:40:00 +02:00")]
    [InlineData("2021-10-18 09:40:00+02:00")]
    [InlineData("2021-10-18")]
    [InlineData("2021-10-18T09:40:00")]
    [InlineData("yesterday")]
    public async Task ATimestampThatIsNotIso8601WithOffsetIsABadRequest(string started)
    {
        var body = RunningApp.Body(_app.Token("T0", "a1"));
        body["started"] = started;

        await Expect.ProblemAsync(await _app.PostAsync(body), HttpStatusCode.BadRequest, ("invalid-timestamp", "started"));
    }

    [Theory]
    [InlineData("2021-10-18T07:40:00Z")]
    [InlineData("2021-10-18T07:40:00.123Z")]
    [InlineData("2021-10-18T09:40:00+02:00")]
    [InlineData("2021-10-18T09:40:00.1234567+02:00")]
    public async Task AnIso8601TimestampWithOffsetIsAccepted(string started)
    {
        var body = RunningApp.Body(_app.Token("T0", "a1"));
        body["started"] = started;

        Assert.Equal(HttpStatusCode.Created, (await _app.PostAsync(body)).StatusCode);
    }

    [Fact]
    public async Task ARepeatedKeyIsABadRequestAtAnyLevel()
    {
        var json = RunningApp.Body(_app.Token("T0", "a1")).ToJsonString();
        var twiceRole = json.Replace("\"role\":\"teacher\"", "\"role\":\"teacher\",\"role\":\"leader\"");
        var twiceInLinkage = json.Replace("\"birth_day\":\"07\"", "\"birth_day\":\"07\",\"birth_\\u0064ay\":\"08\"");

        await Expect.ProblemAsync(await _app.Client.PostAsync("/api/responses", new StringContent(twiceRole, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, ("duplicate-field", "role"));
        await Expect.ProblemAsync(await _app.Client.PostAsync("/api/responses", new StringContent(twiceInLinkage, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, ("duplicate-field", "linkage.birth_day"));
        Assert.Empty(await _app.StoredAsync());
    }
}
