using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Tests.Shared;

namespace Monitoring.Batch.Tests;

/// <summary>manifest.json of the sample run (docs/formats.md, "Outputs"): what makes a run reproducible and checkable.</summary>
[Collection(SampleRunCollection.Name)]
public class ManifestTests(SampleRun sample)
{
    private JsonObject Manifest => JsonNode.Parse(File.ReadAllText(Path.Combine(sample.OutputDirectory, "manifest.json")))!.AsObject();

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void TheInputIsListedWithItsSizeAndSha256()
    {
        var input = Assert.Single(Manifest["inputs"]!.AsArray())!;

        Assert.Equal("responses.csv", (string?)input["file"]);
        Assert.Equal(new FileInfo(TestStudy.SampleResponses).Length, (long)input["bytes"]!);
        Assert.Equal(Sha256(TestStudy.SampleResponses), (string?)input["sha256"]);
    }

    [Fact]
    public void EveryOutputIsListedWithItsSizeAndSha256()
    {
        var outputs = Manifest["outputs"]!.AsArray();

        var onDisk = Directory.GetFiles(sample.OutputDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(sample.OutputDirectory, f).Replace('\\', '/')).Where(f => f != "manifest.json");
        Assert.Equal(onDisk.Order(StringComparer.Ordinal), outputs.Select(o => (string)o!["file"]!).Order(StringComparer.Ordinal));
        foreach (var output in outputs)
        {
            var path = Path.Combine(sample.OutputDirectory, (string)output!["file"]!);
            Assert.Equal(new FileInfo(path).Length, (long)output["bytes"]!);
            Assert.Equal(Sha256(path), (string?)output["sha256"]);
        }
        Assert.Equal(sample.Result.Files.Where(f => f != "manifest.json"), outputs.Select(o => (string)o!["file"]!));
    }

    [Fact]
    public void TheDefinitionHashIsTheSha256OfTheDefinitionFilesPathsAndBytes()
    {
        var study = Manifest["study"]!;
        var files = study["definitionFiles"]!.AsArray().Select(f => (string)f!).ToArray();

        Assert.Equal(new[] { "study.json", "instruments/welbevinden.json", "instruments/gedeeld-leiderschap.json", "instruments/bevlogenheid.json", "organisation.json" }, files);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(TestStudy.SampleStudyDirectory, file)));
        }
        Assert.Equal(Convert.ToHexStringLower(sha.GetHashAndReset()), (string?)study["definitionHash"]);
        Assert.Equal("vlaamse-veerkracht-2021-2023", (string?)study["id"]);
        Assert.Equal(new[] { "welbevinden", "gedeeld-leiderschap", "bevlogenheid" }, study["instruments"]!.AsArray().Select(i => (string)i!["id"]!));
        Assert.All(study["instruments"]!.AsArray(), i => Assert.Equal("sample-1.0", (string?)i!["version"]));
    }

    [Fact]
    public async Task TheDefinitionHashChangesWithAnyByteOfTheDefinitionAndNotWithItsFolder()
    {
        using var same = TestStudy.Copy();
        using var edited = TestStudy.Copy().EditOrganisation(o => o["schools"]![0]!["name"] = "Een andere naam");

        var original = await Monitoring.Core.Definitions.StudyDefinitionLoader.LoadAsync(TestStudy.SampleStudyDirectory);
        var copied = await Monitoring.Core.Definitions.StudyDefinitionLoader.LoadAsync(same.Directory);
        var changed = await Monitoring.Core.Definitions.StudyDefinitionLoader.LoadAsync(edited.Directory);

        Assert.Equal(original.Hash, (string?)Manifest["study"]!["definitionHash"]);
        Assert.Equal(original.Hash, copied.Hash);
        Assert.NotEqual(original.Hash, changed.Hash);
    }

    [Fact]
    public void EveryThresholdAndTheProfileSeedAreRecorded()
    {
        var settings = Manifest["settings"]!;

        Assert.Equal(5, (int)settings["privacyThreshold"]!);
        Assert.Equal(0.95, (double)settings["confidenceLevel"]!);
        Assert.Equal("pairwise", (string?)settings["reliabilityMissing"]);
        var cleaning = settings["cleaning"]!;
        foreach (var rule in new[] { "duplicates", "outsideWindow", "speeders", "straightLiners", "incomplete" })
            Assert.True((bool)cleaning[rule]!, rule);
        Assert.Equal(1.0, (double)cleaning["minSecondsPerItem"]!);
        Assert.Equal(6, (int)cleaning["straightLineMinItems"]!);
        Assert.Equal(0.5, (double)cleaning["minAnsweredShare"]!);
        Assert.Equal(20210901, (int)settings["profiles"]!["seed"]!);
        var minimum = settings["scaleMinimumAnswered"]!.AsArray().ToDictionary(s => (string)s!["scale"]!, s => (int)s!["items"]!);
        Assert.Equal(10, minimum.Count);
        Assert.Equal(3, minimum["welbevinden"]);   // ⌈0.5 × 5⌉
        Assert.Equal(3, minimum["draagkracht"]);   // ⌈0.5 × 6⌉
        Assert.Equal(8, minimum["gedeeld_leiderschap"]); // ⌈0.5 × 15⌉
        Assert.Equal(2, minimum["vitaliteit"]);    // ⌈0.5 × 3⌉
    }

    [Fact]
    public async Task ChangedSettingsAreRecordedAsTheStudySetsThem()
    {
        using var copy = TestStudy.Copy().EditStudy(s =>
        {
            s["analysis"]!["privacyThreshold"] = 7;
            s["analysis"]!["cleaning"]!["speeders"]!["enabled"] = false;
            s["analysis"]!["cleaning"]!["speeders"]!["minSecondsPerItem"] = 2.5;
            s["analysis"]!["profiles"]!["seed"] = 42;
        });
        using var folder = new TemporaryDirectory();
        ResponseRow.Write(folder.File("responses.csv"), [ResponseRow.Valid()]);

        var result = await BatchJob.RunAsync(new BatchOptions { StudyDirectory = copy.Directory, Responses = folder.File("responses.csv"), OutputDirectory = folder.File("out") });

        Assert.True(result.Succeeded);
        var settings = JsonNode.Parse(File.ReadAllText(folder.File("out", "manifest.json")))!["settings"]!;
        Assert.Equal(7, (int)settings["privacyThreshold"]!);
        Assert.False((bool)settings["cleaning"]!["speeders"]!);
        Assert.Equal(2.5, (double)settings["cleaning"]!["minSecondsPerItem"]!);
        Assert.Equal(42, (int)settings["profiles"]!["seed"]!);
    }

    [Fact]
    public void TheCountsPerRuleMatchTheCleaningLog()
    {
        var counts = Manifest["counts"]!;
        var log = CsvTable.Read(Path.Combine(sample.Datasets, "cleaning_log.csv"));
        var perRule = log.Rows.GroupBy(r => r[log.Column("rule")]).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(4000, (int)counts["rowsRead"]!);
        Assert.Equal(perRule.GetValueOrDefault("invalid"), (int)counts["rowsWithProblems"]!);
        foreach (var rule in new[] { "outside_window", "duplicate", "incomplete", "speeder", "straight_liner" })
        {
            Assert.Equal(perRule.GetValueOrDefault(rule), (int)counts[rule]!);
            Assert.True(perRule.GetValueOrDefault(rule) > 0, $"the sample exercises {rule}");
        }
        var responses = CsvTable.Read(Path.Combine(sample.Datasets, "responses.csv"));
        Assert.Equal(responses.Rows.Count, (int)counts["kept"]!);
        Assert.Equal(4000, responses.Rows.Count + log.Rows.Count(r => r[log.Column("rule")] != "header"));
        var aggregates = CsvTable.Read(Path.Combine(sample.Datasets, "aggregates.csv"));
        Assert.Equal(aggregates.Rows.Count, (int)counts["aggregates"]!);
        Assert.Equal(aggregates.Rows.Count(r => r[aggregates.Column("suppressed")] == "true"), (int)counts["aggregatesSuppressed"]!);
    }

    [Fact]
    public void TimingsListEveryStepWithSecondsAndASummary()
    {
        var timings = Manifest["timings"]!.AsArray();

        Assert.Equal("load study", (string?)timings[0]!["step"]);
        Assert.Equal("total", (string?)timings[^1]!["step"]);
        Assert.All(timings, t => Assert.True((double)t!["seconds"]! >= 0));
        Assert.Contains("peak memory", (string?)timings[^1]!["summary"], StringComparison.Ordinal);
    }
}
