using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.Analysis.Datasets;
using Monitoring.Tests.Shared;

namespace Monitoring.Batch.Tests;

/// <summary>The batch end to end: reproducibility, the reliability of the whole sample against R's psych, progress, and degenerate inputs.</summary>
[Collection(SampleRunCollection.Name)]
public class BatchJobTests(SampleRun sample)
{
    private static readonly string[] Steps =
        ["load study", "read", "clean", "score", "reliability", "aggregate", "change", "icc", "write responses", "write panel", "write tables", "total"];

    private static async Task<(BatchRunResult Result, string Progress)> RunAsync(string responses, string output, string? study = null)
    {
        using var progress = new StringWriter();
        var result = await BatchJob.RunAsync(SampleRun.Options(output) with { Responses = responses, StudyDirectory = study ?? TestStudy.SampleStudyDirectory }, progress);
        return (result, progress.ToString());
    }

    private static async Task<(BatchRunResult Result, string Progress)> RunAsync(TemporaryDirectory folder, string csv)
    {
        var input = folder.File("responses.csv");
        await File.WriteAllTextAsync(input, csv);
        return await RunAsync(input, folder.File("out"));
    }

    /// <summary>Every file is there, every CSV parses with one field count, and the manifest parses.</summary>
    private static void AssertWellFormedOutputs(string output)
    {
        foreach (var file in DatasetWriter.Files)
        {
            var path = Path.Combine(output, "datasets", file);
            Assert.True(File.Exists(path), file);
            if (file.EndsWith(".csv", StringComparison.Ordinal)) CsvTable.Read(path);
        }
        Assert.NotNull(JsonNode.Parse(File.ReadAllText(Path.Combine(output, "manifest.json"))));
    }

    // ---- reproducibility -----------------------------------------------------------------------

    [Fact]
    public async Task TwoRunsOnTheSampleWriteIdenticalBytesEvenInAnotherCultureAndManifestsDifferOnlyInTimings()
    {
        using var second = new TemporaryDirectory();
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        try
        {
            Assert.True((await BatchJob.RunAsync(SampleRun.Options(second.Path))).Succeeded);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }

        foreach (var file in DatasetWriter.Files)
        {
            var expected = await File.ReadAllBytesAsync(Path.Combine(sample.Datasets, file));
            var actual = await File.ReadAllBytesAsync(second.File("datasets", file));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{file} differs between two runs");
        }
        var first = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(sample.OutputDirectory, "manifest.json")))!.AsObject();
        var again = JsonNode.Parse(await File.ReadAllTextAsync(second.File("manifest.json")))!.AsObject();
        Assert.NotNull(first["timings"]);
        first.Remove("timings");
        again.Remove("timings");
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
    }

    // ---- reliability of the whole sample against psych ----------------------------------------

    /// <summary>reference/sample_reliability.csv: psych::alpha per scale and wave on the sample's kept, recoded items (sample_reliability.R).</summary>
    private static readonly Lazy<Dictionary<string, double>> Psych = new(() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "reference", "sample_reliability.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture)));

    [Fact]
    public void TheReliabilityOfEveryScaleAndWaveOfTheSampleMatchesPsychAlpha()
    {
        var reliability = CsvTable.Read(Path.Combine(sample.Datasets, "reliability.csv"));

        Assert.Equal(30, reliability.Rows.Count);
        foreach (var values in reliability.Rows)
        {
            var row = new CsvTable.Row(reliability, values);
            var key = $"{row["scale"]}.{row["wave"]}";
            Assert.Equal(Psych.Value[key + ".n"], row.Number("n"));
            Assert.Equal(Psych.Value[key + ".k"], row.Number("k"));
            Assert.Equal(Psych.Value[key + ".raw_alpha"], row.Number("raw_alpha"), 1e-6);
            Assert.Equal(Psych.Value[key + ".std_alpha"], row.Number("std_alpha"), 1e-6);
            Assert.Equal(Psych.Value[key + ".average_r"], row.Number("average_r"), 1e-6);
        }
    }

    [Fact]
    public void TheItemStatisticsOfEveryScaleAndWaveOfTheSampleMatchPsychAlpha()
    {
        var items = CsvTable.Read(Path.Combine(sample.Datasets, "item_statistics.csv"));

        // (5 + 6 + 15 + 3 × 5 + 9 + 3 × 3) items × 3 waves
        Assert.Equal(59 * 3, items.Rows.Count);
        foreach (var values in items.Rows)
        {
            var row = new CsvTable.Row(items, values);
            var key = $"{row["scale"]}.{row["wave"]}.{row["item"]}";
            Assert.Equal(Psych.Value[key + ".n"], row.Number("n"));
            Assert.Equal(Psych.Value[key + ".alpha_if_deleted"], row.Number("alpha_if_deleted"), 1e-6);
            Assert.Equal(Psych.Value[key + ".r_drop"], row.Number("r_drop"), 1e-6);
        }
    }

    // ---- progress --------------------------------------------------------------------------------

    [Fact]
    public void EveryStepPrintsOneProgressLineInOrder()
    {
        var lines = sample.Progress.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var stepLines = lines.Where(l => Steps.Any(s => l.StartsWith(s + " ", StringComparison.Ordinal))).ToArray();

        Assert.Equal(Steps, stepLines.Select(l => Steps.Where(s => l.StartsWith(s + " ", StringComparison.Ordinal)).MaxBy(s => s.Length)));
        Assert.Contains(lines, l => l.StartsWith("read ", StringComparison.Ordinal) && l.Contains("4,000 rows", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("clean ", StringComparison.Ordinal) && l.Contains("kept", StringComparison.Ordinal));
        AssertWellFormedOutputs(sample.OutputDirectory);
    }

    [Fact]
    public async Task WithoutAProgressWriterTheRunStillSucceeds()
    {
        using var folder = new TemporaryDirectory();
        ResponseRow.Write(folder.File("responses.csv"), [ResponseRow.Valid()]);

        var result = await BatchJob.RunAsync(SampleRun.Options(folder.File("out")) with { Responses = folder.File("responses.csv") });

        Assert.True(result.Succeeded);
        AssertWellFormedOutputs(folder.File("out"));
    }

    // ---- degenerate inputs -----------------------------------------------------------------------

    [Fact]
    public async Task AnEmptyStoreGivesAClearLineAndEmptyButWellFormedOutputs()
    {
        using var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.File("data", "submissions"));

        var (result, progress) = await RunAsync(folder.File("data"), folder.File("out"));

        Assert.True(result.Succeeded);
        Assert.Contains("No responses: every output is written", progress, StringComparison.Ordinal);
        AssertWellFormedOutputs(folder.File("out"));
        Assert.Empty(CsvTable.Read(folder.File("out", "datasets", "responses.csv")).Rows);
        var aggregates = CsvTable.Read(folder.File("out", "datasets", "aggregates.csv"));
        Assert.Equal(89 * 3 * 10, aggregates.Rows.Count);
        Assert.All(aggregates.Rows, r => Assert.Equal("true", r[aggregates.Column("suppressed")]));
    }

    [Fact]
    public async Task AResponseFileWithOnlyAHeaderStopsTheRunBeforeItWritesAnything()
    {
        using var folder = new TemporaryDirectory();

        var (result, _) = await RunAsync(folder, ResponseRow.Csv([]));

        Assert.False(result.Succeeded);
        Assert.Equal(BatchFailure.Input, result.Failure);
        Assert.Contains(result.InputProblems, p => p.Reason.Contains("header but no rows", StringComparison.Ordinal));
        Assert.False(Directory.Exists(folder.File("out")));
        Assert.Empty(FolderSnapshot.Leftovers(folder.File("out")));
    }

    [Fact]
    public async Task AnEmptyFileWithoutAHeaderStopsTheRunBeforeItWritesAnything()
    {
        using var folder = new TemporaryDirectory();

        var (result, progress) = await RunAsync(folder, "");

        Assert.Equal(BatchFailure.Input, result.Failure);
        Assert.Contains("The file is empty: it has no header row.", progress, StringComparison.Ordinal);
        var problem = Assert.Single(result.InputProblems);
        Assert.Equal(1, problem.Row);
        Assert.False(Directory.Exists(folder.File("out")));
        Assert.Empty(FolderSnapshot.Leftovers(folder.File("out")));
    }

    [Fact]
    public async Task AWaveWithoutResponsesGivesAClearLineAndWellFormedOutputs()
    {
        using var folder = new TemporaryDirectory();
        var rows = Enumerable.Range(0, 6).SelectMany(_ => new[] { ResponseRow.Valid(wave: "T0"), ResponseRow.Valid(wave: "T1") });

        var (result, progress) = await RunAsync(folder, ResponseRow.Csv(rows));

        Assert.True(result.Succeeded);
        Assert.Contains("Wave 'T2' has no kept responses", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("Wave 'T1' has no kept responses", progress, StringComparison.Ordinal);
        AssertWellFormedOutputs(folder.File("out"));
        var reliability = CsvTable.Read(folder.File("out", "datasets", "reliability.csv"));
        var t2 = reliability.Single(("scale", "welbevinden"), ("wave", "T2"));
        Assert.Equal("0", t2["n"]);
        Assert.Equal("", t2["raw_alpha"]);
    }

    [Fact]
    public async Task AScaleNobodyAnsweredGivesAClearLineAndEmptyStatistics()
    {
        using var folder = new TemporaryDirectory();
        var rows = Enumerable.Range(0, 6).Select(i => ResponseRow.Valid().All("bv", null).Answers("wb", i % 6, 2, 4, 3, 2));

        var (result, progress) = await RunAsync(folder, ResponseRow.Csv(rows));

        Assert.True(result.Succeeded);
        Assert.Contains("Scale 'bevlogenheid' has no answers in wave(s) T0", progress, StringComparison.Ordinal);
        AssertWellFormedOutputs(folder.File("out"));
        var datasets = folder.File("out", "datasets");
        var responses = CsvTable.Read(Path.Combine(datasets, "responses.csv"));
        Assert.All(responses.Rows, r => Assert.Equal("", r[responses.Column("bevlogenheid")]));
        var aggregate = CsvTable.Read(Path.Combine(datasets, "aggregates.csv")).Single(("level", "school"), ("unit", "oostende-bs-01"), ("wave", "T0"), ("scale", "bevlogenheid"));
        Assert.Equal("true", aggregate["suppressed"]);
        var shown = CsvTable.Read(Path.Combine(datasets, "aggregates.csv")).Single(("level", "school"), ("unit", "oostende-bs-01"), ("wave", "T0"), ("scale", "welbevinden"));
        Assert.Equal("6", shown["n"]);
        var icc = CsvTable.Read(Path.Combine(datasets, "icc.csv")).Single(("scale", "bevlogenheid"), ("wave", "T0"));
        Assert.Equal("0", icc["n"]);
        Assert.Equal("", icc["icc1"]);
    }

    [Fact]
    public async Task ASchoolWithOneRespondentGivesAClearLineAndIsSuppressed()
    {
        using var folder = new TemporaryDirectory();
        // gistel-bs-01 has one respondent; the other kust-en-polder schools have 6 and 7.
        var rows = new[] { ResponseRow.Valid("gistel-bs-01") }
            .Concat(Enumerable.Range(0, 6).Select(_ => ResponseRow.Valid("oostende-bs-01")))
            .Concat(Enumerable.Range(0, 7).Select(_ => ResponseRow.Valid("bredene-bs-01")));

        var (result, progress) = await RunAsync(folder, ResponseRow.Csv(rows));

        Assert.True(result.Succeeded);
        Assert.Contains(progress.Split('\n'), l => l.Contains("gistel-bs-01", StringComparison.Ordinal) && l.Contains("T0", StringComparison.Ordinal));
        AssertWellFormedOutputs(folder.File("out"));
        var aggregates = CsvTable.Read(folder.File("out", "datasets", "aggregates.csv"));
        var gistel = aggregates.Single(("level", "school"), ("unit", "gistel-bs-01"), ("wave", "T0"), ("scale", "welbevinden"));
        Assert.Equal("true", gistel["suppressed"]);
        Assert.Equal("", gistel["n"]);
        Assert.Equal("", gistel["mean"]);
        // Complementary: oostende (6) is hidden too, bredene (7) shown.
        Assert.Equal("complementary", aggregates.Single(("level", "school"), ("unit", "oostende-bs-01"), ("wave", "T0"), ("scale", "welbevinden"))["suppression_reason"]);
        Assert.Equal("7", aggregates.Single(("level", "school"), ("unit", "bredene-bs-01"), ("wave", "T0"), ("scale", "welbevinden"))["n"]);
        var rate = CsvTable.Read(folder.File("out", "datasets", "response_rates.csv")).Single(("school", "gistel-bs-01"), ("wave", "T0"));
        Assert.Equal("", rate["responses"]);
    }

    [Fact]
    public async Task AFileInWhichEveryRowIsInvalidStopsTheRunAndListsEveryRowsProblem()
    {
        using var folder = new TemporaryDirectory();
        var rows = new[]
        {
            ResponseRow.Valid().Set("school", "onbekende-school"),
            ResponseRow.Valid().Set("wb_01", "x"),
            ResponseRow.Valid().Set("submitted", "2021-10-05 09:10"),
        };

        var (result, progress) = await RunAsync(folder, ResponseRow.Csv(rows));

        Assert.Equal(BatchFailure.Input, result.Failure);
        Assert.Contains("3 rows from responses.csv, 3 with problems", progress, StringComparison.Ordinal);
        Assert.Contains("None of the 3 row(s) can be read", result.InputProblems[0].Reason, StringComparison.Ordinal);
        Assert.Equal([(2, "school"), (3, "wb_01"), (4, "submitted")], result.InputProblems.Skip(1).Select(p => (p.Row, p.Column!)));
        Assert.Equal(4, result.InputProblemCount);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    // ---- the output folder: staged beside --out, published only when the run succeeds ------------

    private static async Task<string> PreviousOutputsAsync(TemporaryDirectory folder)
    {
        ResponseRow.Write(folder.File("good.csv"), Enumerable.Range(0, 6).Select(_ => ResponseRow.Valid()));
        var (result, _) = await RunAsync(folder.File("good.csv"), folder.File("out"));
        Assert.True(result.Succeeded);
        return folder.File("out");
    }

    [Fact]
    public async Task AFailedRunLeavesThePreviousOutputsByteIdenticalAndNothingBesideThem()
    {
        using var folder = new TemporaryDirectory();
        var output = await PreviousOutputsAsync(folder);
        var before = FolderSnapshot.Of(output);
        await File.WriteAllTextAsync(folder.File("bad.csv"), ResponseRow.Csv([]).Replace(',', ';'));

        var (result, _) = await RunAsync(folder.File("bad.csv"), output);

        Assert.Equal(BatchFailure.Input, result.Failure);
        Assert.Equal(before, FolderSnapshot.Of(output));
        Assert.Empty(FolderSnapshot.Leftovers(output));
    }

    [Fact]
    public async Task ASuccessfulRunReplacesTheWholeOutputFolderAndLeavesNothingBesideIt()
    {
        using var folder = new TemporaryDirectory();
        var output = await PreviousOutputsAsync(folder);
        await File.WriteAllTextAsync(Path.Combine(output, "datasets", "from-an-older-version.csv"), "x\n");

        var (result, _) = await RunAsync(folder.File("good.csv"), output);

        Assert.True(result.Succeeded);
        Assert.False(File.Exists(Path.Combine(output, "datasets", "from-an-older-version.csv")));
        Assert.Equal(result.Files.Order(StringComparer.Ordinal), FolderSnapshot.Of(output).Select(e => e.Split(' ')[0]));
        Assert.Empty(FolderSnapshot.Leftovers(output));
    }

    [Fact]
    public async Task WhatAKilledRunLeftBesideTheOutputsIsRemovedByTheNextRun()
    {
        using var folder = new TemporaryDirectory();
        var output = await PreviousOutputsAsync(folder);
        Directory.CreateDirectory(Path.Combine(folder.File("out.tmp-0123456789ab"), "datasets"));
        await File.WriteAllTextAsync(Path.Combine(folder.File("out.tmp-0123456789ab"), "datasets", "responses.csv"), "half");
        Directory.CreateDirectory(folder.File("out.old-0123456789ab"));
        Directory.CreateDirectory(folder.File("out.tmp-not-ours"));

        var (result, _) = await RunAsync(folder.File("good.csv"), output);

        Assert.True(result.Succeeded);
        Assert.Equal(["out.tmp-not-ours"], FolderSnapshot.Leftovers(output));
    }

    [Fact]
    public async Task OutputsSetAsideByACrashBetweenTheTwoRenamesArePutBackByTheNextRun()
    {
        using var folder = new TemporaryDirectory();
        var output = await PreviousOutputsAsync(folder);
        var before = FolderSnapshot.Of(output);
        Directory.Move(output, folder.File("out.old-00000000abcd"));
        await File.WriteAllTextAsync(folder.File("empty.csv"), "");

        var (result, _) = await RunAsync(folder.File("empty.csv"), output);

        Assert.Equal(BatchFailure.Input, result.Failure);
        Assert.Equal(before, FolderSnapshot.Of(output));
        Assert.Empty(FolderSnapshot.Leftovers(output));
    }

    [Fact]
    public async Task AnOutputFolderThatHoldsOtherFilesIsRefusedAndLeftAsItWas()
    {
        using var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.File("home"));
        await File.WriteAllTextAsync(folder.File("home", "notes.txt"), "mine");

        var (result, _) = await RunAsync(TestStudy.SampleResponses, folder.File("home"));

        Assert.Equal(BatchFailure.Output, result.Failure);
        Assert.Contains("'notes.txt'", result.OutputProblem, StringComparison.Ordinal);
        Assert.Equal(["notes.txt " + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("mine"u8))], FolderSnapshot.Of(folder.File("home")));
        Assert.Empty(FolderSnapshot.Leftovers(folder.File("home")));
    }

    [Fact]
    public async Task AnOutputPathThatIsAFileIsRefused()
    {
        using var folder = new TemporaryDirectory();
        await File.WriteAllTextAsync(folder.File("out"), "a file");

        var (result, _) = await RunAsync(TestStudy.SampleResponses, folder.File("out"));

        Assert.Equal(BatchFailure.Output, result.Failure);
        Assert.Contains("is a file", result.OutputProblem, StringComparison.Ordinal);
        Assert.Equal("a file", await File.ReadAllTextAsync(folder.File("out")));
    }

    [Fact]
    public async Task AnInvalidStudyDefinitionIsReportedAndNothingIsAnalysed()
    {
        using var copy = TestStudy.Copy().EditStudy(s => s["analysis"]!["privacyThreshold"] = 0);
        using var folder = new TemporaryDirectory();

        var (result, _) = await RunAsync(TestStudy.SampleResponses, folder.File("out"), copy.Directory);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Definition.Problems, p => p.Path.Contains("privacyThreshold", StringComparison.Ordinal));
        Assert.False(File.Exists(folder.File("out", "manifest.json")));
    }

    [Fact]
    public async Task NoSuppressedAggregateOfTheSampleCanBeRecoveredFromAShownTotalAndShownParts()
    {
        var study = (await Monitoring.Core.Definitions.StudyDefinitionLoader.LoadAsync(TestStudy.SampleStudyDirectory)).Study!;
        var aggregates = CsvTable.Read(Path.Combine(sample.Datasets, "aggregates.csv"));
        string Network(string school) => study.NetworkOf(new Monitoring.Core.Studies.SchoolId(school))!.Id.Value;
        string Trajectory(string network) => study.FindNetwork(new Monitoring.Core.Studies.NetworkId(network))!.Trajectory.Value;
        string[] levels = ["school", "network", "trajectory", "all"];
        string Ancestor(string level, string unit, string ancestor) => (level, ancestor) switch
        {
            (_, "all") => study.Id.Value,
            ("school", "network") => Network(unit),
            ("school", "trajectory") => Trajectory(Network(unit)),
            ("network", "trajectory") => Trajectory(unit),
            _ => throw new ArgumentException(ancestor),
        };
        var rows = aggregates.Rows.Select(r => new CsvTable.Row(aggregates, r)).ToList();
        Assert.Contains(rows, r => r["suppression_reason"] == "complementary");

        foreach (var group in rows.GroupBy(r => (r["wave"], r["scale"])))
            foreach (var total in group.Where(r => r["suppressed"] == "false" && r["level"] != "school"))
                foreach (var level in levels.Take(Array.IndexOf(levels, total["level"])))
                {
                    var shown = group.Where(r => r["level"] == level && r["suppressed"] == "false" && Ancestor(level, r["unit"], total["level"]) == total["unit"])
                        .Sum(r => (int)r.Number("n"));
                    var hidden = (int)total.Number("n") - shown;
                    Assert.True(hidden == 0 || hidden >= 5, $"{total["level"]} {total["unit"]} {total["wave"]} {total["scale"]}: {hidden} hidden scores under it at level {level}");
                }
    }
}
