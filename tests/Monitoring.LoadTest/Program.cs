using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;
using Monitoring.Storage.Blobs;
using Monitoring.Storage.Files;
using Monitoring.Storage.Tests.Blobs;

// The collection benchmark: starts the built app as a child process over the sample study (file
// store in a temporary folder, or Azurite), posts valid submissions over loopback from N
// concurrent connections for S seconds, prints throughput and latency, then checks that every
// acknowledged submission is in the store. Exit 1 when one is missing or a request failed.

var options = Arguments.Parse(args);
var root = Directory.CreateTempSubdirectory("monitoring-load-").FullName;
try
{
    return await Run(options, root);
}
finally
{
    Directory.Delete(root, recursive: true);
}

static async Task<int> Run(Arguments options, string root)
{
    var repo = Arguments.RepositoryRoot();
    var studyPath = Path.Combine(repo, "data-samples", "study");
    var definition = await StudyDefinitionLoader.LoadAsync(studyPath);
    if (!definition.IsValid) throw new InvalidOperationException(string.Join("\n", definition.Problems));
    var study = definition.Study;
    var wave = study.Waves[0];
    var dataPath = Path.Combine(root, "data");
    var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    await using var azurite = options.Store == "blob" ? await AzuriteProcess.StartAsync() : null;
    var blob = azurite is null ? null : new BlobStoreOptions { ConnectionString = azurite.ConnectionString, SubmissionsContainer = "load-submissions", ArtifactsContainer = "load-artifacts" };
    IArtifactStore artifacts = blob is null
        ? new FileArtifactStore(new FileStoreOptions { DataPath = dataPath })
        : await BlobArtifactStore.CreateAsync(blob);
    var issued = InvitationIssuer.Issue(study, wave.Id);
    await artifacts.PutAsync(InvitationBook.ArtifactName(study.Id), new MemoryStream(new InvitationBook(study.Id, issued.Select(i => i.Invitation).ToArray()).Serialize()));

    var environment = new Dictionary<string, string>
    {
        ["Monitoring__StudyPath"] = studyPath,
        ["Monitoring__Store"] = options.Store,
        ["Monitoring__DataPath"] = dataPath,
        ["Monitoring__LinkageSecret"] = secret,
        ["Monitoring__ClockStart"] = wave.Opens.AddDays(1).ToString("O", CultureInfo.InvariantCulture),
        ["Monitoring__Batch__LocalSchedule"] = "false",
        ["Monitoring__FlushToDisk"] = options.Flush ? "true" : "false",
        // One client address and 69 tokens carry the whole country's load here: lift the limits far above it.
        ["Monitoring__RateLimits__PerAddressPerSecond"] = "1000000",
        ["Monitoring__RateLimits__PerAddressBurst"] = "1000000",
        ["Monitoring__RateLimits__PerTokenPerSecond"] = "1000000",
        ["Monitoring__RateLimits__PerTokenBurst"] = "1000000",
    };
    if (blob is not null)
    {
        environment["Monitoring__Blob__ConnectionString"] = blob.ConnectionString;
        environment["Monitoring__Blob__SubmissionsContainer"] = blob.SubmissionsContainer;
        environment["Monitoring__Blob__ArtifactsContainer"] = blob.ArtifactsContainer;
    }

    using var server = StartServer(options, environment, out var address);
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
    using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    await WaitUntilReady(client, $"/api/status/{issued[0].StatusToken}", server);

    var bodies = issued.Select(i => Template(i.Token, study, wave)).ToArray();
    Console.WriteLine($"store: {options.Store}{(options.Flush ? "" : " (no fsync)")}  connections: {options.Connections}  warm-up: {options.Warmup} s  measured: {options.Seconds} s  schools: {bodies.Length}  items per submission: {study.ItemsOf(wave).Count()}");

    await Load(client, bodies, options.Connections, TimeSpan.FromSeconds(options.Warmup), null);
    var result = new Result();
    server.Refresh();
    var (serverUser, serverKernel) = UserAndKernel(server.Id);
    var serverCpu = server.TotalProcessorTime;
    var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
    var measured = await Load(client, bodies, options.Connections, TimeSpan.FromSeconds(options.Seconds), result);
    server.Refresh();
    var (userAfter, kernelAfter) = UserAndKernel(server.Id);
    serverCpu = server.TotalProcessorTime - serverCpu;
    clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
    result.Print(measured);
    Console.WriteLine($"cpu per submission: server {serverCpu.TotalMilliseconds / Math.Max(1, result.Count):F3} ms, load generator {clientCpu.TotalMilliseconds / Math.Max(1, result.Count):F3} ms " +
        $"(server: {(userAfter - serverUser) / Math.Max(1, result.Count):F3} ms user + {(kernelAfter - serverKernel) / Math.Max(1, result.Count):F3} ms kernel; " +
        $"it used {serverCpu.TotalSeconds / measured.TotalSeconds:F2} of {Environment.ProcessorCount} cores; machine load average {LoadAverage()})");

    var acknowledged = result.Acknowledged.Concat(Result.WarmupAcknowledged).ToHashSet();
    ISubmissionStore store = blob is null
        ? new FileSubmissionStore(new FileStoreOptions { DataPath = dataPath })
        : await BlobSubmissionStore.CreateAsync(blob);
    var readTimer = Stopwatch.StartNew();
    var stored = new HashSet<string>();
    await foreach (var s in store.ReadAllAsync(study.Id)) stored.Add(s.Submission?.Id.Value ?? throw new InvalidDataException($"{s.Name}: {string.Join("; ", s.Problems)}"));
    var missing = acknowledged.Count(id => !stored.Contains(id));
    Console.WriteLine($"verification: {acknowledged.Count:N0} acknowledged (warm-up included), {stored.Count:N0} stored, {missing} missing (read back in {readTimer.Elapsed.TotalSeconds:F1} s)");
    var throughput = result.Count / measured.TotalSeconds;
    var p99 = result.Percentile(0.99);
    if (options.Store == "file" && options.Flush)
        Console.WriteLine($"target (file store): >= 2000 submissions/s and p99 <= 50 ms: {(throughput >= 2000 && p99 <= 50 ? "met" : "not met")}");
    server.Kill();
    return missing == 0 && result.Errors == 0 ? 0 : 1;
}

// User and kernel CPU milliseconds of a process, from /proc (Linux); zeros elsewhere.
static (double User, double Kernel) UserAndKernel(int pid)
{
    var path = $"/proc/{pid}/stat";
    if (!File.Exists(path)) return (0, 0);
    var fields = File.ReadAllText(path).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    const double msPerTick = 10; // USER_HZ = 100 on Linux
    return (double.Parse(fields[11], CultureInfo.InvariantCulture) * msPerTick, double.Parse(fields[12], CultureInfo.InvariantCulture) * msPerTick);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static Process StartServer(Arguments options, Dictionary<string, string> environment, out Uri address)
{
    var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
    var dll = Path.Combine(Arguments.RepositoryRoot(), "functions", "Monitoring.Server", "bin", configuration, "net10.0", "Monitoring.Server.dll");
    if (!File.Exists(dll)) throw new FileNotFoundException($"Build the solution ({configuration}) first.", dll);
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    address = new Uri($"http://127.0.0.1:{port}");
    var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add("exec");
    start.ArgumentList.Add(dll);
    start.Environment["ASPNETCORE_URLS"] = address.ToString();
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    foreach (var (k, v) in environment) start.Environment[k] = v;
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, e) => { if (options.Verbose && e.Data is not null) Console.WriteLine($"[server] {e.Data}"); };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[server] {e.Data}"); };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitUntilReady(HttpClient client, string path, Process server)
{
    for (var i = 0; i < 300; i++)
    {
        if (server.HasExited) throw new InvalidOperationException($"The server exited with {server.ExitCode}.");
        try
        {
            if ((await client.GetAsync(path)).StatusCode == HttpStatusCode.OK) return;
        }
        catch (HttpRequestException)
        {
        }
        await Task.Delay(100);
    }
    throw new TimeoutException("The server did not come up within 30 s.");
}

static (string Prefix, string Suffix) Template(string token, Study study, Wave wave)
{
    var random = new Random(token.GetHashCode(StringComparison.Ordinal));
    var answers = string.Join(",", study.ItemsOf(wave).Select(i => $"\"{i.Id}\":{random.Next(i.Format.Min, i.Format.Max + 1)}"));
    var role = study.Roles[random.Next(study.Roles.Count)].Id;
    return ($"{{\"token\":\"{token}\",\"submissionId\":\"",
        $"\",\"role\":\"{role}\",\"language\":\"nl\",\"linkage\":{{\"mother_initials\":\"AN\",\"birth_day\":\"{random.Next(1, 29)}\",\"birthplace_initials\":\"GE\"}}," +
        $"\"started\":\"{wave.Opens.AddDays(1).AddMinutes(-15):O}\",\"submitted\":\"{wave.Opens.AddDays(1):O}\",\"answers\":{{{answers}}}}}");
}

static async Task<TimeSpan> Load(HttpClient client, (string Prefix, string Suffix)[] bodies, int connections, TimeSpan duration, Result? result)
{
    var clock = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
    {
        var latencies = new List<double>(1 << 16);
        var acknowledged = new List<string>(1 << 16);
        var errors = 0;
        for (var n = 0; clock.Elapsed < duration; n++)
        {
            var id = Guid.NewGuid().ToString();
            var (prefix, suffix) = bodies[(worker * 7919 + n) % bodies.Length];
            using var content = new StringContent(prefix + id + suffix, Encoding.UTF8, "application/json");
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.PostAsync("/api/responses", content);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    latencies.Add(elapsed);
                    acknowledged.Add(id);
                }
                else
                {
                    errors++;
                    if (errors == 1) Console.Error.WriteLine($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                errors++;
                if (errors == 1) Console.Error.WriteLine(e.Message);
            }
        }
        if (result is null) lock (Result.WarmupAcknowledged) Result.WarmupAcknowledged.AddRange(acknowledged);
        else result.Add(latencies, acknowledged, errors);
    })).ToArray();
    await Task.WhenAll(workers);
    return clock.Elapsed;
}

/// <summary>The command line: --store file|blob, --seconds N, --warmup N, --connections N, --no-flush (measure without fsync), --verbose.</summary>
internal sealed record Arguments(string Store, int Seconds, int Warmup, int Connections, bool Verbose, bool Flush)
{
    public static Arguments Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var store = Value("--store", "file");
        if (store is not ("file" or "blob")) throw new ArgumentException("--store is file or blob.");
        return new Arguments(store, int.Parse(Value("--seconds", "20"), CultureInfo.InvariantCulture), int.Parse(Value("--warmup", "3"), CultureInfo.InvariantCulture),
            int.Parse(Value("--connections", "64"), CultureInfo.InvariantCulture), args.Contains("--verbose"), !args.Contains("--no-flush"));
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the load test from a checkout (no Monitoring.sln found above it).");
    }
}

/// <summary>What the measured phase saw.</summary>
internal sealed class Result
{
    public static readonly List<string> WarmupAcknowledged = [];
    private readonly List<double> _latencies = [];

    public List<string> Acknowledged { get; } = [];

    public int Errors { get; private set; }

    public int Count => _latencies.Count;

    public void Add(List<double> latencies, List<string> acknowledged, int errors)
    {
        lock (this)
        {
            _latencies.AddRange(latencies);
            Acknowledged.AddRange(acknowledged);
            Errors += errors;
        }
    }

    public double Percentile(double p)
    {
        if (_latencies.Count == 0) return double.NaN;
        var sorted = _latencies.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    public void Print(TimeSpan elapsed)
    {
        Console.WriteLine($"acknowledged: {Count:N0} in {elapsed.TotalSeconds:F1} s = {Count / elapsed.TotalSeconds:N0} submissions/s; errors: {Errors}");
        Console.WriteLine($"latency ms: p50 {Percentile(0.50):F1}  p95 {Percentile(0.95):F1}  p99 {Percentile(0.99):F1}  max {(_latencies.Count == 0 ? double.NaN : _latencies.Max()):F1}");
    }
}
