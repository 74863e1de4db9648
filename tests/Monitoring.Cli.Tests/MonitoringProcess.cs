using System.Diagnostics;

namespace Monitoring.Cli.Tests;

/// <summary>Runs the built <c>monitoring</c> command (monitoring.dll, copied next to the tests by the project reference) as a child process.</summary>
internal static class MonitoringProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "monitoring.dll");

    /// <summary>The checkout the tests run in (the folder with Monitoring.sln).</summary>
    public static string Root { get; } = FindRoot();

    public static string SampleStudy => Path.Combine(Root, "data-samples", "study");

    public static string BrokenStudy => Path.Combine(AppContext.BaseDirectory, "fixtures", "broken-study");

    public static async Task<Result> RunAsync(string[] args, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"monitoring {string.Join(' ', args)} did not finish in 120 s.");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet") return path;
        return "dotnet";
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Monitoring.sln above {AppContext.BaseDirectory}.");
    }
}
