using System.Text;

namespace Monitoring.Cli.Tests.Commands;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("monitoring-generate-");

    public void Dispose() => _out.Delete(recursive: true);

    private string Out(string name) => Path.Combine(_out.FullName, name);

    [Fact]
    public async Task TheSameSeedWritesIdenticalFiles()
    {
        var first = await MonitoringProcess.RunAsync(["generate", "--study", MonitoringProcess.SampleStudy, "--responses", "1500", "--seed", "42", "--out", Out("a.csv")]);
        var second = await MonitoringProcess.RunAsync(["generate", "--study", MonitoringProcess.SampleStudy, "--responses", "1500", "--seed", "42", "--out", Out("b.csv")]);

        Assert.Equal((0, ""), (first.ExitCode, first.Error));
        Assert.Equal((0, ""), (second.ExitCode, second.Error));
        Assert.Contains("Wrote 1,500 responses", first.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Out("a.csv")), File.ReadAllBytes(Out("b.csv")));
        Assert.Equal(File.ReadAllBytes(Out("a.planted-profiles.csv")), File.ReadAllBytes(Out("b.planted-profiles.csv")));
        Assert.Equal(File.ReadAllBytes(Out("a.planted-effects.csv")), File.ReadAllBytes(Out("b.planted-effects.csv")));
        Assert.Equal(1501, File.ReadAllText(Out("a.csv"), Encoding.UTF8).Count(c => c == '\n'));
        Assert.False(Directory.Exists(Out("a.study")), "The sample study holds 1,500 responses without scaling.");
    }

    [Fact]
    public async Task AnOutThatIsAFolderGivesAClearLineWithoutAStackTrace()
    {
        var result = await MonitoringProcess.RunAsync(["generate", "--study", MonitoringProcess.SampleStudy, "-n", "10", "--out", _out.FullName]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Permission denied", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherSeedWritesAnotherFile()
    {
        await MonitoringProcess.RunAsync(["generate", "--study", MonitoringProcess.SampleStudy, "-n", "500", "--seed", "1", "-o", Out("a.csv"), "--quiet"]);
        var result = await MonitoringProcess.RunAsync(["generate", "--study", MonitoringProcess.SampleStudy, "-n", "500", "--seed", "2", "-o", Out("b.csv"), "--quiet"]);

        Assert.Equal((0, "", ""), (result.ExitCode, result.Output, result.Error));
        Assert.NotEqual(File.ReadAllBytes(Out("a.csv")), File.ReadAllBytes(Out("b.csv")));
    }

    [Fact]
    public async Task MoreResponsesThanTheStudyHoldsWriteAScaledStudyThatValidates()
    {
        var generate = await MonitoringProcess.RunAsync(["generate", "--study", MonitoringProcess.SampleStudy, "--responses", "8000", "--seed", "3", "--out", Out("big.csv")]);

        Assert.Equal(0, generate.ExitCode);
        Assert.Contains("scaled up to 24 networks and 138 schools", generate.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Out("big.study/study.json")));
        Assert.True(File.Exists(Out("big.study/instruments/bevlogenheid.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(MonitoringProcess.SampleStudy, "study.json")), File.ReadAllBytes(Out("big.study/study.json")));

        var validate = await MonitoringProcess.RunAsync(["validate", "--study", Out("big.study")]);

        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("7 trajectories, 24 networks, 138 schools", validate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenStudyExitsOneAndWritesNothing()
    {
        var result = await MonitoringProcess.RunAsync(["generate", "--study", MonitoringProcess.BrokenStudy, "--responses", "100", "--out", Out("x.csv")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("has 7 problem(s)", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("x.csv")));
    }

    [Fact]
    public async Task ANegativeNumberOfResponsesIsRejected()
    {
        var result = await MonitoringProcess.RunAsync(["generate", "--responses", "-5", "--out", Out("x.csv")]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--responses must be 0 or more", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("x.csv")));
    }

    [Fact]
    public async Task TheOutputFileIsRequired()
    {
        var result = await MonitoringProcess.RunAsync(["generate", "--responses", "10"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpShowsEveryOption()
    {
        var result = await MonitoringProcess.RunAsync(["generate", "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        foreach (var option in new[] { "--study", "--responses", "--seed", "--out", "--quiet" })
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
    }
}
