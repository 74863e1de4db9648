using System.CommandLine;
using System.Diagnostics;
using Monitoring.Cli.Commands;
using Monitoring.Tests.Shared;

namespace Monitoring.Cli.Tests.Commands;

/// <summary><c>monitoring run</c>: exit codes, what it prints, --quiet.</summary>
public class RunCommandTests
{
    private static readonly string[] Steps =
        ["load study", "read", "clean", "score", "reliability", "aggregate", "change", "icc", "profiles", "write responses", "write panel", "write tables", "reports", "total"];

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { RunCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse(["run", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string SmallResponses(TemporaryDirectory folder)
    {
        var path = folder.File("responses.csv");
        ResponseRow.Write(path, Enumerable.Range(0, 6).Select(_ => ResponseRow.Valid()));
        return path;
    }

    [Fact]
    public async Task ARunPrintsOneLinePerStepAndExitsWithZero()
    {
        using var folder = new TemporaryDirectory();

        var (code, output, error) = await RunAsync("--study", TestStudy.SampleStudyDirectory, "--responses", SmallResponses(folder), "--out", folder.File("out"));

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var step in Steps) Assert.Contains(lines, l => l.StartsWith(step + " ", StringComparison.Ordinal));
        var written = Directory.GetFiles(folder.File("out"), "*", SearchOption.AllDirectories);
        var reports = written.Count(f => Path.GetFileName(Path.GetDirectoryName(f)) == "reports");
        Assert.Contains($"Wrote {written.Length} files to {folder.File("out")}: {written.Length - reports - 1} in datasets/, {reports} in reports/", output, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File("out", "reports", "index.html")));
        Assert.True(File.Exists(folder.File("out", "manifest.json")));
        Assert.True(File.Exists(folder.File("out", "datasets", "responses.csv")));
    }

    [Fact]
    public async Task QuietPrintsNothing()
    {
        using var folder = new TemporaryDirectory();

        var (code, output, error) = await RunAsync("--study", TestStudy.SampleStudyDirectory, "--responses", SmallResponses(folder), "--out", folder.File("out"), "--quiet");

        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.Equal("", error);
        Assert.True(File.Exists(folder.File("out", "manifest.json")));
    }

    [Fact]
    public async Task AnInvalidStudyExitsWithOneAndPrintsEveryProblem()
    {
        using var study = TestStudy.Copy().EditStudy(s =>
        {
            s["analysis"]!["privacyThreshold"] = 0;
            s["analysis"]!["confidenceLevel"] = 1.5;
        });
        using var folder = new TemporaryDirectory();

        var (code, _, error) = await RunAsync("--study", study.Directory, "--responses", SmallResponses(folder), "--out", folder.File("out"));

        Assert.Equal(1, code);
        Assert.Contains("has 2 problem(s)", error, StringComparison.Ordinal);
        Assert.Contains("privacyThreshold", error, StringComparison.Ordinal);
        Assert.Contains("confidenceLevel", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("out", "manifest.json")));
    }

    [Fact]
    public async Task AMissingResponsesFileExitsWithTwoAndSaysWhatToGive()
    {
        using var folder = new TemporaryDirectory();

        var (code, output, error) = await RunAsync("--study", TestStudy.SampleStudyDirectory, "--responses", folder.File("nothing.csv"), "--out", folder.File("out"));

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("No responses at", error, StringComparison.Ordinal);
        Assert.Contains("nothing.csv", error, StringComparison.Ordinal);
        Assert.Contains("--responses", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMonitoringExecutableReturnsTheExitCodeToTheShell()
    {
        using var folder = new TemporaryDirectory();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "monitoring.dll"), "run", "--responses", folder.File("nothing.csv"), "--out", folder.File("out")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("No responses at", error, StringComparison.Ordinal);
    }
}
