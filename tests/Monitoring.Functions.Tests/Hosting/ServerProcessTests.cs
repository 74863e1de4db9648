using System.Net;
using System.Net.Sockets;
using System.Text;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Hosting;

/// <summary>The built app as a process: broken framing over a raw socket, its log at Trace, its settings from another folder, a start without settings.</summary>
public sealed class ServerProcessTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("monitoring-process-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<(Dictionary<string, string> Environment, Dictionary<(string, string), string> Tokens, string Ready)> StudyAsync()
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
            ["Monitoring__Batch__LocalSchedule"] = "false",
        };
        return (environment, tokens, $"/api/questionnaires/{tokens[("T0", "a1")]}");
    }

    /// <summary>Sends <paramref name="head"/> and then <paramref name="body"/> in parts (with <paramref name="pause"/> between them), half-closes if asked; returns the status line ("" when the server answered nothing).</summary>
    private static async Task<string> RawAsync(Uri address, string head, IEnumerable<byte[]> body, TimeSpan pause, bool halfClose = false)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        try
        {
            foreach (var part in body)
            {
                await stream.WriteAsync(part);
                await Task.Delay(pause);
            }
            if (halfClose) client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (IOException)
        {
            // The server may close the connection once it has answered.
        }
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0) answer.Write(buffer, 0, read);
        }
        catch (IOException)
        {
        }
        var text = Encoding.ASCII.GetString(answer.ToArray());
        return text.Split("\r\n")[0];
    }

    [Fact]
    public async Task BrokenFramingGetsAClientErrorAndAtMostAWarningWithoutAStackTrace()
    {
        var (environment, tokens, ready) = await StudyAsync();
        environment["Monitoring__RateLimits__Enabled"] = "false";
        await using var server = await ServerProcess.StartAsync(environment, ready);
        var json = RunningApp.Body(tokens[("T0", "a1")]).ToJsonString();
        const string post = "POST /api/responses HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";

        var badChunk = await RawAsync(server.Address, post + "Transfer-Encoding: chunked\r\n\r\n", [Encoding.ASCII.GetBytes("zz\r\n{}\r\n0\r\n\r\n")], TimeSpan.Zero);
        // The client sends less than it announced and closes its side: Kestrel ends the request (a client that is gone is not
        // answered, or gets 400), and the app neither fails nor logs a stack trace.
        var truncated = await RawAsync(server.Address, post + "Content-Length: 2000\r\n\r\n", [Encoding.UTF8.GetBytes(json)], TimeSpan.Zero, halfClose: true);
        var slow = await RawAsync(server.Address, post + "Content-Length: 2000\r\n\r\n",
            Enumerable.Range(0, 12).Select(i => Encoding.ASCII.GetBytes(json.Substring(i, 1))), TimeSpan.FromSeconds(0.75));
        await Task.Delay(500);

        Assert.Equal("HTTP/1.1 400 Bad Request", badChunk);
        Assert.True(truncated is "" or "HTTP/1.1 400 Bad Request", truncated);
        Assert.Equal("HTTP/1.1 408 Request Timeout", slow);
        var log = server.Output;
        Assert.DoesNotContain("fail:", log);
        Assert.DoesNotContain("crit:", log);
        Assert.DoesNotContain("   at ", log);
        Assert.False(Directory.Exists(Path.Combine(_root, "data", "submissions", "test-study")), "a broken request stored something");
    }

    [Fact]
    public async Task NoLogLineAtTraceCarriesALinkToken()
    {
        var (environment, tokens, ready) = await StudyAsync();
        environment["Logging__LogLevel__Default"] = "Trace";
        environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace";
        environment["Logging__LogLevel__Microsoft"] = "Trace";
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        await using var server = await ServerProcess.StartAsync(environment, ready, elsewhere);
        using var client = new HttpClient { BaseAddress = server.Address };
        var token = tokens[("T0", "a2")];
        var other = tokens[("T0", "b1")];

        await client.GetAsync($"/s/{token}");
        await client.GetAsync($"/s/{token}?utm={other}");
        await client.GetAsync($"/api/questionnaires/{token}?lang=en");
        await client.GetAsync($"/api/questionnaires/{token}?lang={other}");
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/questionnaires/{token}"));
        await client.GetAsync($"/api/status/{token}");
        await client.PostAsync("/api/responses", new StringContent(RunningApp.Body(token).ToJsonString(), Encoding.UTF8, "application/json"));
        await client.PostAsync($"/api/responses?token={other}", new StringContent("{", Encoding.UTF8, "application/json"));
        await client.GetAsync($"/api/questionnaires/{token}x");
        await client.DeleteAsync($"/api/status/{token}");
        await Task.Delay(500);

        var log = server.Output;
        Assert.Contains("Monitoring.Requests", log); // the redacting request log, at Debug
        Assert.Contains("/api/questionnaires/{token}", log);
        Assert.Empty(server.LinesWith(token));
        Assert.Empty(server.LinesWith(other));
        Assert.Empty(server.LinesWith(token[..12]));
    }

    [Fact]
    public async Task StartedFromAnotherFolderTheAppReadsTheSettingsBesideItsBinary()
    {
        var (environment, _, ready) = await StudyAsync();
        environment["Logging__LogLevel__Default"] = "Information";
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        await using var server = await ServerProcess.StartAsync(environment, ready, elsewhere);
        await Task.Delay(300);

        var binary = Path.GetDirectoryName(Repository.ServerDll)!;
        var banner = Assert.Single(server.LinesWith("settings files read:"));
        Assert.Contains($"Content root: {binary}", banner);
        Assert.Contains(Path.Combine(binary, "appsettings.json"), banner);
        Assert.False(File.Exists(Path.Combine(elsewhere, "data")));
    }

    [Fact]
    public async Task StartedWithoutItsSettingsTheAppListsWhatIsMissingAndExitsWithOne()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;

        var (exitCode, output) = await ServerProcess.RunToExitAsync(new Dictionary<string, string>(), elsewhere);

        Assert.True(exitCode == 1, $"exit {exitCode}: {output}");
        Assert.Contains("Monitoring:StudyPath is required", output);
        Assert.Contains("Monitoring:LinkageSecret", output);
        Assert.Contains("settings files read:", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("   at ", output);
    }
}
