using System.Diagnostics;
using Monitoring.Tests.Shared;

namespace Monitoring.Cli.Tests.Commands;

/// <summary>
/// <c>monitoring run</c>, as a process, on what a user gets wrong: a broken response file, an --out that is a file, a
/// missing store. Each fails with an exit code and a message that says what to fix, never a stack trace, and leaves the
/// previous outputs byte-identical; so does a run killed while it writes.
/// </summary>
public sealed class RunCommandFailureTests(RunCommandFailureTests.PreviousRun previous) : IClassFixture<RunCommandFailureTests.PreviousRun>, IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Output => _folder.File("out");

    private static void AssertNoStackTrace(string error) =>
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

    /// <summary>One real run's outputs (in <c>out/</c>, its input as <c>good.csv</c>), made once and copied into each test's <see cref="Output"/>.</summary>
    public sealed class PreviousRun : IAsyncLifetime, IDisposable
    {
        private readonly TemporaryDirectory _folder = new();

        public string Folder => _folder.Path;

        public async Task InitializeAsync()
        {
            ResponseRow.Write(_folder.File("good.csv"), Enumerable.Range(0, 6).Select(_ => ResponseRow.Valid()));
            var run = await MonitoringProcess.RunAsync(["run", "--study", MonitoringProcess.SampleStudy, "--responses", _folder.File("good.csv"), "--out", _folder.File("out"), "--quiet"]);
            Assert.True(run.ExitCode == 0, run.Error);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => _folder.Dispose();
    }

    /// <summary>A previous run's outputs in <see cref="Output"/> (and its input as good.csv), and their snapshot.</summary>
    private IReadOnlyList<string> PreviousOutputs()
    {
        var template = previous.Folder;
        File.Copy(Path.Combine(template, "good.csv"), _folder.File("good.csv"));
        foreach (var file in Directory.GetFiles(Path.Combine(template, "out"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Output, Path.GetRelativePath(Path.Combine(template, "out"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var snapshot = FolderSnapshot.Of(Output);
        Assert.Contains(snapshot, e => e.StartsWith("manifest.json ", StringComparison.Ordinal));
        return snapshot;
    }

    private static string Broken(string kind)
    {
        var header = ResponseRow.Header;
        var rows = Enumerable.Range(0, 3).Select(i => ResponseRow.Valid().Set("response_id", $"r-{i}")).ToList();
        return kind switch
        {
            "renamed school column" => ResponseRow.Csv(rows).Replace(",school,", ",schoolnaam,", StringComparison.Ordinal),
            "semicolons" => ResponseRow.Csv(rows).Replace(',', ';'),
            "upper-case header" => string.Join(',', header).ToUpperInvariant() + ResponseRow.Csv(rows)[ResponseRow.Csv(rows).IndexOf('\n', StringComparison.Ordinal)..],
            "empty file" => "",
            "header only" => ResponseRow.Csv([]),
            "every row bad" => ResponseRow.Csv(rows.Select(r => r.Set("wave", "T9"))),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    public static TheoryData<string, bool, string> BrokenInputs { get; } = new()
    {
        { "renamed school column", false, "row 1, column 'school': The required column 'school' is missing" },
        { "renamed school column", true, "is one of them meant to be 'school'?" },
        { "semicolons", false, "The file is separated by ';'" },
        { "semicolons", true, "save it as CSV with ',' (comma)" },
        { "upper-case header", false, "row 1, column 'SCHOOL': Column 2 is named 'SCHOOL'; it should be 'school'" },
        { "upper-case header", true, "it should be 'response_id'" },
        { "empty file", false, "The file is empty" },
        { "empty file", true, "The file is empty" },
        { "header only", false, "The file has a header but no rows" },
        { "header only", true, "The file has a header but no rows" },
        { "every row bad", false, "row 2, column 'wave', value 'T9': Unknown wave" },
        { "every row bad", true, "None of the 3 row(s) can be read" },
    };

    [Theory]
    [MemberData(nameof(BrokenInputs))]
    public async Task ABrokenResponseFileExitsWithTwoSaysWhatToFixAndLeavesThePreviousOutputsByteIdentical(string kind, bool quiet, string expected)
    {
        var before = PreviousOutputs();
        var input = _folder.File("broken.csv");
        await File.WriteAllTextAsync(input, Broken(kind));

        var result = await MonitoringProcess.RunAsync(["run", "--study", MonitoringProcess.SampleStudy, "--responses", input, "--out", Output, .. quiet ? new[] { "--quiet" } : []]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Cannot read the responses in", result.Error, StringComparison.Ordinal);
        Assert.Contains("  broken.csv: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        AssertNoStackTrace(result.Error);
        if (quiet) Assert.Equal("", result.Output);
        Assert.DoesNotContain("Wrote", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, FolderSnapshot.Of(Output));
        Assert.Empty(FolderSnapshot.Leftovers(Output));
    }

    [Fact]
    public async Task ARunKilledWhileItWritesLeavesThePreviousOutputsByteIdentical()
    {
        var before = PreviousOutputs();
        var generate = await MonitoringProcess.RunAsync(["generate", "--study", MonitoringProcess.SampleStudy, "-n", "20000", "--seed", "7", "--out", _folder.File("big.csv"), "--quiet"]);
        Assert.True(generate.ExitCode == 0, generate.Error);
        var study = Directory.Exists(_folder.File("big.study")) ? _folder.File("big.study") : MonitoringProcess.SampleStudy;

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { MonitoringProcess.Assembly, "run", "--study", study, "--responses", _folder.File("big.csv"), "--out", Output, "--quiet" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow.AddSeconds(-1);
        string? written = null;
        // The run's first output: in its staging folder, or (were it to write in place) in --out itself.
        while (written is null && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            written = Directory.EnumerateDirectories(_folder.Path, "out.tmp-*").Append(Output)
                .SelectMany(d => Directory.Exists(d) ? Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories) : [])
                .FirstOrDefault(f => !f.StartsWith(Output + Path.DirectorySeparatorChar, StringComparison.Ordinal) || File.GetLastWriteTimeUtc(f) > started);
            if (written is null) await Task.Delay(5);
        }
        Assert.False(process.HasExited, "The run ended before its first output appeared.");
        process.Kill(); // SIGKILL: no finally block, no clean-up
        await process.WaitForExitAsync();

        Assert.Equal(before, FolderSnapshot.Of(Output));
        Assert.StartsWith(_folder.File("out.tmp-"), written, StringComparison.Ordinal);

        var next = await MonitoringProcess.RunAsync(["run", "--study", MonitoringProcess.SampleStudy, "--responses", _folder.File("good.csv"), "--out", Output, "--quiet"]);
        Assert.Equal((0, ""), (next.ExitCode, next.Error));
        Assert.Empty(FolderSnapshot.Leftovers(Output));
    }

    [Fact]
    public async Task OutPointingAtAFileGivesOneClearLineAndExitThree()
    {
        var file = _folder.File("out.txt");
        await File.WriteAllTextAsync(file, "not a folder");

        var result = await MonitoringProcess.RunAsync(["run", "--study", MonitoringProcess.SampleStudy, "--out", file]);

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is a file; --out is a folder", line, StringComparison.Ordinal);
        AssertNoStackTrace(result.Error);
        Assert.Equal("not a folder", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task AnOutFolderThatCannotBeWrittenGivesOneClearLineAndExitThree()
    {
        if (!OperatingSystem.IsLinux()) return; // /sys refuses new folders, also to root, on Linux

        var result = await MonitoringProcess.RunAsync(["run", "--study", MonitoringProcess.SampleStudy, "--out", "/sys/monitoring-out", "--quiet"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Cannot write the outputs to '/sys/monitoring-out': Permission denied", result.Error, StringComparison.Ordinal);
        AssertNoStackTrace(result.Error);
    }

    [Fact]
    public async Task AnOutFolderThatHoldsOtherFilesIsRefusedAndLeftAsItWas()
    {
        Directory.CreateDirectory(Output);
        await File.WriteAllTextAsync(Path.Combine(Output, "thesis.docx"), "mine");

        var result = await MonitoringProcess.RunAsync(["run", "--study", MonitoringProcess.SampleStudy, "--out", Output, "--quiet"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("'thesis.docx'", result.Error, StringComparison.Ordinal);
        AssertNoStackTrace(result.Error);
        Assert.Equal(["thesis.docx"], Directory.GetFileSystemEntries(Output).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--study", "no-such-study", 1, "File 'study.json' does not exist")]
    [InlineData("--responses", "no-such-file.csv", 2, "No responses at")]
    [InlineData("--store", "no-such-data-folder", 2, "No store at")]
    [InlineData("--store", "AccountName=x;not a setting", 2, "The --store connection string does not parse")]
    public async Task AMistakeInTheArgumentsGivesAMessageAndAnExitCodeWithoutAStackTrace(string option, string value, int code, string expected)
    {
        var path = value.Contains('=', StringComparison.Ordinal) ? value : _folder.File(value);
        string[] args = option == "--study"
            ? ["run", "--study", path, "--out", Output]
            : ["run", "--study", MonitoringProcess.SampleStudy, option, path, "--out", Output];

        var result = await MonitoringProcess.RunAsync(args);

        Assert.Equal(code, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        AssertNoStackTrace(result.Error);
        Assert.False(Directory.Exists(Output));
    }
}
