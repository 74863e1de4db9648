using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Monitoring.Storage.Tests.Blobs;

/// <summary>
/// A real Azurite blob endpoint: the one in AZURITE_BLOB_CONNECTION_STRING when that is set,
/// otherwise an <c>azurite-blob</c> from PATH started in memory on a free loopback port and
/// stopped on dispose. Also used by the load test (linked source).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The environment variable that points at an Azurite (or storage account) already running.</summary>
    public const string ConnectionStringVariable = "AZURITE_BLOB_CONNECTION_STRING";

    // Azurite's well-known development account key (public, documented by Microsoft).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process? _process;

    private AzuriteProcess(string connectionString, Process? process)
    {
        ConnectionString = connectionString;
        _process = process;
    }

    /// <summary>The blob connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Connects to the configured Azurite or starts one.</summary>
    /// <exception cref="InvalidOperationException">When azurite-blob is not installed or does not come up.</exception>
    public static async Task<AzuriteProcess> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return new AzuriteProcess(configured, null);

        var executable = FindOnPath("azurite-blob") ?? throw new InvalidOperationException(
            "azurite-blob is not on PATH. Install it with `npm install -g azurite@3.37.0`, " +
            $"or set {ConnectionStringVariable} to the blob connection string of a running Azurite.");
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--skipApiVersionCheck", "--inMemoryPersistence", "--silent", "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"azurite-blob exited with {process.ExitCode}: {output}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new AzuriteProcess(
                    $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
                    process);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"azurite-blob did not listen on 127.0.0.1:{port} within 30 s: {output}");
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
