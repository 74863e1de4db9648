using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Collection;

/// <summary>
/// Thousands of generated bodies and URLs (seeded, so a failure repeats) against the real server: no
/// answer is a 5xx, and the store holds exactly the submissions that got a 2xx.
/// </summary>
public sealed class ApiFuzzTests
{
    private const int Seed = 20261204;

    [Fact]
    public async Task NoGeneratedRequestGetsAServerErrorAndOnlyAcknowledgedSubmissionsAreStored()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["Monitoring:RateLimits:Enabled"] = "false" });
        var random = new Random(Seed);
        var tokens = app.Study.Schools.Select(s => app.Token("T0", s.Id.Value)).ToArray();
        var acknowledged = new HashSet<string>();
        var failures = new List<string>();

        for (var n = 0; n < 3000; n++)
        {
            var (kind, body) = Body(random, tokens[random.Next(tokens.Length)]);
            var response = await app.Client.PostAsync("/api/responses", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });
            if ((int)response.StatusCode >= 500) failures.Add($"#{n} {kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (response.IsSuccessStatusCode)
                acknowledged.Add((await RunningApp.JsonAsync(response)).GetProperty("submissionId").GetString()!);
        }
        for (var n = 0; n < 1000; n++)
        {
            var (method, url) = Url(random, tokens[random.Next(tokens.Length)]);
            var response = await app.Client.SendAsync(new HttpRequestMessage(method, url));
            if ((int)response.StatusCode >= 500) failures.Add($"{method} {url}: {(int)response.StatusCode}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        var files = Directory.GetFiles(Path.Combine(app.DataPath, "submissions"), "*.json", SearchOption.AllDirectories);
        Assert.Equal(acknowledged.Count, files.Length);
        Assert.Equal(acknowledged.Order(), (await app.StoredAsync()).Select(s => s.Id.Value).Order());
        Assert.True(acknowledged.Count > 100, $"only {acknowledged.Count} generated bodies were valid: the generator should also make good ones");
    }

    private static readonly string[] Kinds =
    [
        "valid", "invalid-utf8", "surrogate-value", "surrogate-key", "huge-number", "deep-nesting", "wrong-type",
        "duplicate-key", "random-bytes", "huge-document", "truncated", "odd-timestamp", "odd-answers", "mutated-bytes",
    ];

    private static (string Kind, byte[] Body) Body(Random random, string token)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        var body = RunningApp.Body(token, id: $"fuzz-{random.Next():x}-{random.Next():x}", wb01: random.Next(0, 6));
        string Json() => body.ToJsonString();
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        string[] fields = ["token", "submissionId", "role", "language", "started", "submitted", "answers", "linkage"];
        var field = fields[random.Next(fields.Length)];
        switch (kind)
        {
            case "valid":
                return (kind, Utf8(Json()));
            case "invalid-utf8":
            {
                body[field] = "MARK";
                var bytes = Utf8(Json());
                var at = bytes.AsSpan().IndexOf("MARK"u8);
                byte[][] bad = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80]];
                return (kind, [.. bytes.AsSpan(0, at), .. bad[random.Next(bad.Length)], .. bytes.AsSpan(at + 4)]);
            }
            case "surrogate-value":
                body[field] = "MARK";
                return (kind, Utf8(Json().Replace("MARK", random.Next(3) switch { 0 => "\\ud800", 1 => "x\\udfff", _ => "\\ud83d\\u0041" })));
            case "surrogate-key":
                body["answers"]!["MARK"] = 1;
                return (kind, Utf8(Json().Replace("MARK", random.Next(2) == 0 ? "\\ud800" : "wb_\\udc00")));
            case "huge-number":
                body["answers"]!["wb_0" + random.Next(1, 4)] = JsonNode.Parse(random.Next(4) switch
                {
                    0 => "1e400", 1 => "-1e400", 2 => new string('9', 5000), _ => "3." + new string('0', 3000) + "1",
                });
                return (kind, Utf8(Json()));
            case "deep-nesting":
            {
                var depth = random.Next(10, 2000);
                body[field] = "MARK";
                return (kind, Utf8(Json().Replace("\"MARK\"", new string('[', depth) + "1" + new string(']', depth))));
            }
            case "wrong-type":
            {
                JsonNode?[] values = [null, 1, -3.5, true, new JsonArray(1, 2), new JsonObject { ["a"] = 1 }, "", " ", "text"];
                body[field] = values[random.Next(values.Length)]?.DeepClone();
                return (kind, Utf8(Json()));
            }
            case "duplicate-key":
            {
                var json = Json();
                var at = json.IndexOf($"\"{field}\":", StringComparison.Ordinal);
                return (kind, Utf8(json.Insert(at, $"\"{field}\":{(random.Next(2) == 0 ? "\"x\"" : "1")},")));
            }
            case "random-bytes":
            {
                var bytes = new byte[random.Next(0, 2000)];
                random.NextBytes(bytes);
                return (kind, bytes);
            }
            case "huge-document":
            {
                var answers = new JsonObject();
                for (var i = 0; i < random.Next(100, 8000); i++) answers[$"k{i}"] = random.Next(3) switch { 0 => i, 1 => "v", _ => null };
                body["answers"] = answers;
                return (kind, Utf8(Json()));
            }
            case "truncated":
            {
                var bytes = Utf8(Json());
                return (kind, bytes[..random.Next(bytes.Length)]);
            }
            case "odd-timestamp":
            {
                string[] stamps = ["2021-10-18", "18/10/2021 09:00 +02:00", "2021-10-18T09:40:00", "2021-10-18T25:00:00Z", "0001-01-01T00:00:00Z",
                    "9999-12-31T23:59:59+14:00", "2021-10-18T09:40:00+02:00", "2021-10-18T09:40:00.999999999Z", "2021-13-18T09:40:00Z"];
                body[random.Next(2) == 0 ? "started" : "submitted"] = stamps[random.Next(stamps.Length)];
                return (kind, Utf8(Json()));
            }
            case "odd-answers":
            {
                var answers = body["answers"]!.AsObject();
                string[] keys = ["wb_01", "wb_02", "gl_03", "xx", "", " ", "wb_01 ", "../x", "a.b", new string('k', 3000)];
                JsonNode?[] values = [-1, 0, 5, 6, 2.5, 1e9, "3", null, true, new JsonArray()];
                for (var i = random.Next(1, 6); i > 0; i--) answers[keys[random.Next(keys.Length)]] = values[random.Next(values.Length)]?.DeepClone();
                return (kind, Utf8(Json()));
            }
            default: // mutated-bytes
            {
                var bytes = Utf8(Json());
                for (var i = random.Next(1, 8); i > 0; i--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return (kind, bytes);
            }
        }
    }

    private static (HttpMethod, string) Url(Random random, string token)
    {
        string[] routes = ["/s/{0}", "/api/questionnaires/{0}", "/api/status/{0}", "/assets/{0}", "/api/reports/{0}", "/api/datasets/latest", "/{0}", "/api/responses"];
        string[] tokens =
        [
            token, token + "x", token[..10], "", "%00", "%FF%FE", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", new string('A', 4000), "app.js", "index.html",
            "%C0%AF", "a%20b", "\u00e9", Uri.EscapeDataString("\ud83d\ude00"), "%25", "?", "#", "net-a",
        ];
        string[] queries = ["", "?lang=nl", "?lang=fr", "?lang=", "?lang=%FF", "?lang=nl&lang=en", "?x=" + new string('y', 3000), "?lang=%ED%A0%80"];
        HttpMethod[] methods = [HttpMethod.Get, HttpMethod.Get, HttpMethod.Head, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Options];
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, routes[random.Next(routes.Length)], tokens[random.Next(tokens.Length)]);
        return (methods[random.Next(methods.Length)], path + queries[random.Next(queries.Length)]);
    }
}
