using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Monitoring.Functions.Tests.Support;

/// <summary>The built app as a child process (<c>dotnet exec Monitoring.Server.dll</c>) on a free loopback port, configured through environment variables.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the app in <paramref name="workingDirectory"/> (default: the folder of its DLL) and waits until <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(IDictionary<string, string> environment, string readyPath, string? workingDirectory = null)
    {
        var port = FreePort();
        var start = StartInfo(environment, port, workingDirectory);
        var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));

        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (server._process.HasExited) throw new InvalidOperationException($"The server exited with {server._process.ExitCode}: {server.Output}");
            try
            {
                if ((await client.GetAsync(readyPath)).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new InvalidOperationException($"The server did not answer {readyPath} within 30 s: {server.Output}");
    }

    /// <summary>Runs the app until it exits by itself (within 30 s): its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IDictionary<string, string> environment, string? workingDirectory = null)
    {
        var start = StartInfo(environment, FreePort(), workingDirectory);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The app did not exit within 30 s: {await output}{await error}");
        }
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The lines the process wrote so far that hold <paramref name="text"/>.</summary>
    public string[] LinesWith(string text) => Output.Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal)).ToArray();

    private static ProcessStartInfo StartInfo(IDictionary<string, string> environment, int port, string? workingDirectory)
    {
        var dll = Repository.ServerDll;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // A crash must show as an exit code in the test, not as a dump file.
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        foreach (var (k, v) in environment) start.Environment[k] = v;
        return start;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no finally blocks.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
