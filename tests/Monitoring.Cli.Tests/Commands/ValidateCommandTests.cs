namespace Monitoring.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task TheSampleStudyIsValid()
    {
        var result = await MonitoringProcess.RunAsync(["validate", "--study", MonitoringProcess.SampleStudy]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("7 trajectories, 12 networks, 69 schools, 4 roles", result.Output, StringComparison.Ordinal);
        Assert.Contains("waves: T0 (2021-10-04 – 2021-12-17), T1 (2022-03-14 – 2022-05-27), T2 (2023-03-13 – 2023-05-26)", result.Output, StringComparison.Ordinal);
        Assert.Contains("instrument 'gedeeld-leiderschap' vsample-1.0: 15 items", result.Output, StringComparison.Ordinal);
        Assert.Matches("definition hash [0-9a-f]{64}", result.Output);
        Assert.EndsWith("Valid.", result.Output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutStudyItValidatesTheSampleFoundFromAnywhereInTheCheckout()
    {
        var result = await MonitoringProcess.RunAsync(["validate"], workingDirectory: Path.Combine(MonitoringProcess.Root, "docs"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("69 schools", result.Output, StringComparison.Ordinal);
        Assert.Contains("Valid.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenStudyExitsOneAndListsEveryProblemWithFileAndPath()
    {
        var result = await MonitoringProcess.RunAsync(["validate", "--study", MonitoringProcess.BrokenStudy]);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("Valid.", result.Output, StringComparison.Ordinal);
        Assert.Contains("has 7 problem(s):", result.Error, StringComparison.Ordinal);
        string[] expected =
        [
            "study.json: $.analysis.confidenceLevel: * [out-of-range]",
            "study.json: $.waves[1].opens: * [overlapping-windows]",
            "instruments/welbevinden.json: $.scales[0].items[2]: *'wb_99'* [unknown-item]",
            "instruments/welbevinden.json: $.scales[1].reverse[3]: *'wb_01'* [reverse-not-in-scale]",
            "instruments/gedeeld-leiderschap.json: $.items[2].text.nl: * [missing-dutch]",
            "organisation.json: $.networks[3].schools[4]: *'oostende-bs-01'* [school-in-two-networks]",
            "organisation.json: $.networks[11].trajectory: *'colibri'* [unknown-trajectory]",
        ];
        var lines = result.Error.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Assert.Equal(expected.Length, lines.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Matches("^" + string.Join(".*", expected[i].Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$", lines[i]);
    }

    [Fact]
    public async Task ADuplicatedWaveIdIsListedFirstWithTheProblemsThatFollowFromItFoldedAndCountedUnderIt()
    {
        var copy = Directory.CreateTempSubdirectory("monitoring-duplicate-wave-");
        try
        {
            foreach (var file in Directory.GetFiles(MonitoringProcess.SampleStudy, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy.FullName, Path.GetRelativePath(MonitoringProcess.SampleStudy, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var study = Path.Combine(copy.FullName, "study.json");
            File.WriteAllText(study, File.ReadAllText(study).Replace("\"id\": \"T1\"", "\"id\": \"T0\"", StringComparison.Ordinal));

            var result = await MonitoringProcess.RunAsync(["validate", "--study", copy.FullName]);

            Assert.Equal(1, result.ExitCode);
            var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
            Assert.Contains("has 70 problem(s) from 1 cause(s)", lines[0], StringComparison.Ordinal);
            Assert.Equal("  study.json: $.waves[1].id: Wave 'T0' is defined twice. [duplicate-id]", lines[1]);
            Assert.Equal("      69 problem(s) follow from it:", lines[2]);
            Assert.All(lines[3..^1], l => Assert.Matches(@"^      organisation\.json: \$\.schools\[\d+\]\.staff\.T1: .* \[unknown-wave\]$", l));
            Assert.Equal("      … and 64 more like these.", lines[^1]);
            Assert.Equal(9, lines.Length);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AFolderWithoutStudyJsonExitsOne()
    {
        var empty = Directory.CreateTempSubdirectory("monitoring-empty-");
        try
        {
            var result = await MonitoringProcess.RunAsync(["validate", "--study", empty.FullName]);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("study.json: $: File 'study.json' does not exist", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task HelpShowsTheStudyOption()
    {
        var result = await MonitoringProcess.RunAsync(["validate", "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains("--study", result.Output, StringComparison.Ordinal);
        Assert.Contains("data-samples/study", result.Output, StringComparison.Ordinal);
    }
}
