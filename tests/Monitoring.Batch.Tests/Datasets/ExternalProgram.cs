using System.Diagnostics;

namespace Monitoring.Batch.Tests.Datasets;

/// <summary>
/// Runs a researcher's program (Rscript, pspp, node with DuckDB) as a process. A missing program fails the test with
/// how to install it, rather than skipping it, so that CI cannot pass without them (scripts/test.sh installs them).
/// </summary>
internal static class ExternalProgram
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
    }

    public static async Task<Result> RunAsync(string program, string workingDirectory, params string[] arguments)
    {
        var path = Find(program);
        Assert.True(path is not null,
            $"'{program}' is not installed; the dataset tests need it (apt-get install -y r-base-core r-cran-haven pspp; npm ci in tests/tools/duckdb; scripts/test.sh does both).");
        var start = new ProcessStartInfo(path!) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    /// <summary>tests/tools/duckdb with its node_modules installed, or a failed assertion saying how to install it.</summary>
    public static string DuckDbTool()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var tool = Path.Combine(dir.FullName, "tests", "tools", "duckdb");
        Assert.True(Directory.Exists(Path.Combine(tool, "node_modules", "@duckdb", "node-api")),
            $"DuckDB for node is not installed in {tool}: run 'npm ci' there (scripts/test.sh does).");
        return tool;
    }
}
