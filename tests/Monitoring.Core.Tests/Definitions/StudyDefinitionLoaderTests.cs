using System.Text.Json.Nodes;
using Monitoring.Core.Definitions;
using Monitoring.Core.Instruments;
using Monitoring.Core.Settings;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Tests.Definitions;

public sealed class StudyDefinitionLoaderTests
{
    private const string Study = "study.json";
    private const string Welbevinden = "instruments/welbevinden.json";
    private const string Leiderschap = "instruments/gedeeld-leiderschap.json";
    private const string Bevlogenheid = "instruments/bevlogenheid.json";

    [Fact]
    public async Task TheSampleStudyLoadsWithoutProblems()
    {
        var result = await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy);

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        var study = result.Study;
        Assert.Equal("vlaamse-veerkracht-2021-2023", study.Id.Value);
        Assert.Equal(7, study.Trajectories.Count);
        Assert.Equal(12, study.Networks.Count);
        Assert.Equal(69, study.Schools.Count);
        Assert.Equal(4, study.Roles.Count);
        Assert.Equal(3, study.Waves.Count);
        Assert.Equal(3, study.Instruments.Count);
        Assert.Equal(35, study.Items.Count);
        Assert.Equal(10, study.Scales.Count);
    }

    [Fact]
    public async Task TheSampleStudyHasItsInstrumentsItemsAndWavesInDefinitionOrder()
    {
        var study = (await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy)).Study!;

        Assert.Equal(["welbevinden", "gedeeld-leiderschap", "bevlogenheid"], study.Instruments.Select(i => i.Id.Value));
        Assert.Equal([11, 15, 9], study.Instruments.Select(i => i.Items.Count));
        Assert.Equal("wb_01", study.Items[0].Id.Value);
        Assert.Equal("bv_09", study.Items[^1].Id.Value);
        Assert.Equal(["T0", "T1", "T2"], study.Waves.Select(w => w.Id.Value));
        Assert.Equal(DateTimeOffset.Parse("2021-10-04T00:00:00+02:00"), study.Waves[0].Opens);
        Assert.Equal(TimeSpan.FromHours(2), study.Waves[0].Opens.Offset);
        Assert.Equal(DateTimeOffset.Parse("2021-12-17T23:59:59+01:00"), study.Waves[0].Closes);
        Assert.All(study.Waves, w => Assert.Equal(3, w.Instruments.Count));
        Assert.Equal(["leader", "middle_leader", "teacher", "support"], study.Roles.Select(r => r.Id.Value));
    }

    [Fact]
    public async Task ItemsHaveTheirResponseFormatTextsAndInstrument()
    {
        var study = (await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy)).Study!;

        var wb = study.FindItem(new ItemId("wb_01"))!;
        Assert.Equal(("who5", 0, 5), (wb.Format.Id, wb.Format.Min, wb.Format.Max));
        Assert.Equal(6, wb.Format.Labels.Count);
        Assert.Equal("Nooit", wb.Format.Labels[0].Text.Nl);
        Assert.Equal("At no time", wb.Format.Labels[0].Text.En);
        Assert.Equal("welbevinden", wb.Instrument.Value);
        Assert.False(string.IsNullOrWhiteSpace(wb.Text.Nl));
        Assert.NotNull(wb.Text.En);
        var dk = study.FindItem(new ItemId("dk_01"))!;
        Assert.Equal(("akkoord5", 1, 5), (dk.Format.Id, dk.Format.Min, dk.Format.Max));
        var bv = study.FindItem(new ItemId("bv_09"))!;
        Assert.Equal(("frequentie7", 0, 6), (bv.Format.Id, bv.Format.Min, bv.Format.Max));
        Assert.Equal("bevlogenheid", bv.Instrument.Value);
    }

    [Fact]
    public async Task ReverseKeyedItemsAreFlaggedOnTheItemAndListedByTheirScales()
    {
        var study = (await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy)).Study!;

        Assert.Equal(["dk_02", "dk_04", "dk_06", "gl_04", "gl_08", "gl_10", "gl_13"],
            study.Items.Where(i => i.IsReverseKeyed).Select(i => i.Id.Value));
        Assert.Equal(["dk_02", "dk_04", "dk_06"], Reverse(study, "draagkracht"));
        Assert.Equal(["gl_04", "gl_08", "gl_10", "gl_13"], Reverse(study, "gedeeld_leiderschap"));
        Assert.Equal(["gl_08", "gl_10"], Reverse(study, "participatie"));
        Assert.Empty(Reverse(study, "welbevinden"));
        Assert.Empty(Reverse(study, "bevlogenheid"));

        static IEnumerable<string> Reverse(Study study, string scale) => study.FindScale(new ScaleId(scale))!.ReverseKeyed.Select(i => i.Value);
    }

    [Fact]
    public async Task SubscalesKnowTheirParentAndComeAfterIt()
    {
        var study = (await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy)).Study!;

        var parents = study.Scales.ToDictionary(s => s.Id.Value, s => s.Parent?.Value);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["welbevinden"] = null,
            ["draagkracht"] = null,
            ["gedeeld_leiderschap"] = null,
            ["steun_leiding"] = "gedeeld_leiderschap",
            ["participatie"] = "gedeeld_leiderschap",
            ["collegialiteit"] = "gedeeld_leiderschap",
            ["bevlogenheid"] = null,
            ["vitaliteit"] = "bevlogenheid",
            ["toewijding"] = "bevlogenheid",
            ["absorptie"] = "bevlogenheid",
        }, parents);
        var order = study.Scales.Select(s => s.Id).ToList();
        Assert.All(study.Scales.Where(s => s.Parent is not null), s => Assert.True(order.IndexOf(s.Parent!.Value) < order.IndexOf(s.Id)));
        Assert.Equal(["gl_06", "gl_07", "gl_08", "gl_09", "gl_10"], study.FindScale(new ScaleId("participatie"))!.Items.Select(i => i.Value));
        Assert.Equal(9, study.FindScale(new ScaleId("bevlogenheid"))!.Items.Count);
    }

    [Fact]
    public async Task TheSampleAnalysisSettingsAreRead()
    {
        var analysis = (await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy)).Study!.Analysis;

        Assert.Equal(5, analysis.PrivacyThreshold);
        Assert.Equal(0.95, analysis.ConfidenceLevel);
        Assert.Equal(MissingDataConvention.Pairwise, analysis.ReliabilityMissing);
        Assert.Equal(6, analysis.Cleaning.StraightLineMinItems);
        Assert.Equal(20210901, analysis.Profiles.Seed);
        Assert.Null(analysis.Profiles.ForcedK);
    }

    [Fact]
    public async Task NonDefaultAnalysisSettingsOverrideTheDefaults()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["analysis"] = JsonNode.Parse("""
            {
              "privacyThreshold": 10, "confidenceLevel": 0.9, "reliabilityMissing": "listwise",
              "cleaning": { "speeders": { "enabled": false, "minSecondsPerItem": 2.5 }, "incomplete": { "minAnsweredShare": 0.8 } },
              "profiles": { "k": 4, "seed": 7 }
            }
            """));

        var result = await copy.LoadAsync();

        Assert.Empty(result.Problems);
        var analysis = result.Study!.Analysis;
        Assert.Equal(10, analysis.PrivacyThreshold);
        Assert.Equal(0.9, analysis.ConfidenceLevel);
        Assert.Equal(MissingDataConvention.Listwise, analysis.ReliabilityMissing);
        Assert.False(analysis.Cleaning.Speeders);
        Assert.Equal(2.5, analysis.Cleaning.MinSecondsPerItem);
        Assert.True(analysis.Cleaning.Duplicates);
        Assert.Equal(0.8, analysis.Cleaning.MinAnsweredShare);
        Assert.Equal(4, analysis.Profiles.ForcedK);
        Assert.Equal(7, analysis.Profiles.Seed);
    }

    [Fact]
    public async Task AStudyWithoutAnAnalysisBlockGetsTheDocumentedDefaults()
    {
        using var copy = new StudyCopy().Edit(Study, s => s.Remove("analysis"));

        var result = await copy.LoadAsync();

        Assert.Empty(result.Problems);
        Assert.Equal(new AnalysisSettings(), result.Study!.Analysis);
    }

    [Fact]
    public async Task TheFilesReadAreListedInReadingOrder()
    {
        var result = await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy);

        Assert.Equal([Study, Welbevinden, Leiderschap, Bevlogenheid, "organisation.json"], result.Files);
    }

    [Fact]
    public async Task TheHashIsTheSameOnEveryLoadAndInEveryFolder()
    {
        var first = await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy);
        var second = await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy);
        using var copy = new StudyCopy();
        var elsewhere = await copy.LoadAsync();

        Assert.Matches("^[0-9a-f]{64}$", first.Hash);
        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(first.Hash, elsewhere.Hash);
    }

    [Fact]
    public async Task TheHashChangesWhenOneByteOfOneFileChanges()
    {
        var original = await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy);
        using var copy = new StudyCopy().Replace(Bevlogenheid, "sample-1.0", "sample-1.1");

        var changed = await copy.LoadAsync();

        Assert.True(changed.IsValid);
        Assert.NotEqual(original.Hash, changed.Hash);
    }

    [Fact]
    public async Task AMissingFolderIsReportedAsAMissingStudyFile()
    {
        var result = await StudyDefinitionLoader.LoadAsync(Path.Combine(Path.GetTempPath(), "monitoring-tests", "no-such-folder-" + Guid.NewGuid().ToString("N")));

        ProblemAssert.Only(result, Study, "$", "missing-file", "study.json");
        Assert.Null(result.Hash);
    }

    [Fact]
    public async Task AnEmptyDirectoryArgumentIsACallersBug()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => StudyDefinitionLoader.LoadAsync(" "));
    }

    [Fact]
    public async Task AMissingInstrumentFileIsReportedWhereStudyJsonNamesIt()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["instruments"]![1] = "instruments/leiderschap.json");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Study, "$.instruments[1]", "missing-file", "instruments/leiderschap.json");
        Assert.Null(result.Hash);
    }

    [Fact]
    public async Task AMissingOrganisationFileIsReportedWhereStudyJsonNamesIt()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["organisation"] = "organisatie.json");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Study, "$.organisation", "missing-file", "organisatie.json");
    }

    [Fact]
    public async Task InvalidJsonIsReportedWithItsLineNumber()
    {
        using var copy = new StudyCopy();
        var lines = File.ReadAllLines(copy.PathOf("organisation.json")).ToList();
        lines.Insert(2, "  oops,");
        copy.Write("organisation.json", string.Join("\n", lines));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, "organisation.json", "$", "invalid-json", "line 3");
    }

    [Fact]
    public async Task InvalidJsonInAnInstrumentIsReportedWithItsLineNumber()
    {
        using var copy = new StudyCopy().Write(Bevlogenheid, "{\n  \"id\": \"bevlogenheid\",\n  \"version\": \"1\"\n  \"name\": {}\n}\n");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Bevlogenheid, "$", "invalid-json", "line 4");
    }

    [Fact]
    public async Task AStudyFileThatIsNotAnObjectIsAWrongType()
    {
        using var copy = new StudyCopy().Write(Study, "[]");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Study, "$", "wrong-type");
    }

    [Fact]
    public async Task OverlappingWaveWindowsAreReportedAtTheLaterWavesOpening()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["waves"]![1]!["opens"] = "2021-12-01T00:00:00+01:00");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Study, "$.waves[1].opens", "overlapping-windows", "'T1'");
    }

    [Fact]
    public async Task WavesOutOfChronologicalOrderAreReported()
    {
        using var copy = new StudyCopy().Edit(Study, s =>
        {
            var waves = s["waves"]!.AsArray();
            var t0 = waves[0]!.DeepClone();
            waves[0] = waves[1]!.DeepClone();
            waves[1] = t0;
        });

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Study, "$.waves[1].opens", "waves-not-chronological", "'T0' comes before wave 'T1'");
    }

    [Fact]
    public async Task AWaveThatClosesBeforeItOpensIsReported()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["waves"]![0]!["closes"] = "2021-10-01T00:00:00+02:00");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Study, "$.waves[0].closes", "window-reversed", "'T0'");
    }

    [Fact]
    public async Task AWaveThatClosesWhenItOpensIsReported()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["waves"]![2]!["closes"] = "2023-03-13T00:00:00+01:00");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Study, "$.waves[2].closes", "window-reversed");
    }

    [Fact]
    public async Task AWaveTimestampWithoutOffsetIsReported()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["waves"]![1]!["opens"] = "2022-03-14T00:00:00");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Study, "$.waves[1].opens", "bad-timestamp", "2022-03-14T00:00:00");
    }

    [Fact]
    public async Task AWaveTimestampInUtcIsAccepted()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["waves"]![1]!["opens"] = "2022-03-13T23:00:00Z");

        var result = await copy.LoadAsync();

        Assert.Empty(result.Problems);
        Assert.Equal(DateTimeOffset.Parse("2022-03-14T00:00:00+01:00"), result.Study!.Waves[1].Opens);
    }

    [Fact]
    public async Task AnUnknownInstrumentInAWaveIsReported()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["waves"]![2]!["instruments"]!.AsArray().Add("veerkracht"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Study, "$.waves[2].instruments[3]", "unknown-instrument", "'veerkracht'");
    }

    [Fact]
    public async Task AnInstrumentListedTwiceInAWaveIsReported()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["waves"]![0]!["instruments"]!.AsArray().Add("welbevinden"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Study, "$.waves[0].instruments[3]", "duplicate-instrument");
    }

    [Fact]
    public async Task AWaveMayLeaveOutAnInstrument()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["waves"]![1]!["instruments"]!.AsArray().RemoveAt(2));

        var result = await copy.LoadAsync();

        Assert.Empty(result.Problems);
        var t1 = result.Study!.Waves[1];
        Assert.Equal(["welbevinden", "gedeeld-leiderschap"], t1.Instruments.Select(i => i.Value));
        Assert.Equal(26, result.Study.ItemsOf(t1).Count());
    }

    [Fact]
    public async Task ADuplicateWaveIdIsReported()
    {
        using var copy = new StudyCopy().Edit(Study, s =>
        {
            var later = JsonNode.Parse("""{ "id": "T2", "name": { "nl": "T3" }, "opens": "2024-03-11T00:00:00+01:00", "closes": "2024-05-24T23:59:59+02:00", "instruments": ["welbevinden"] }""");
            s["waves"]!.AsArray().Add(later);
        });

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Study, "$.waves[3].id", "duplicate-id", "'T2'");
    }

    [Fact]
    public async Task ADuplicateRoleIdIsReported()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["roles"]!.AsArray().Add(JsonNode.Parse("""{ "id": "teacher", "name": { "nl": "Leerkracht" } }""")));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Study, "$.roles[4].id", "duplicate-id", "'teacher'");
    }

    [Fact]
    public async Task AnItemIdUsedInTwoInstrumentsIsReportedInTheSecond()
    {
        using var copy = new StudyCopy().Replace(Bevlogenheid, "\"bv_01\"", "\"wb_01\"");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Bevlogenheid, "$.items[0].id", "duplicate-id", Welbevinden);
    }

    [Fact]
    public async Task AnItemIdUsedTwiceInOneInstrumentIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["items"]![6]!["id"] = "dk_01");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.items[6].id", "duplicate-id", "'dk_01'");
    }

    [Fact]
    public async Task AScaleIdUsedInTwoInstrumentsIsReportedInTheSecond()
    {
        using var copy = new StudyCopy().Edit(Bevlogenheid, i => i["scales"]![0]!["subscales"]![1]!["id"] = "draagkracht");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Bevlogenheid, "$.scales[0].subscales[1].id", "duplicate-id", "'draagkracht'");
    }

    [Fact]
    public async Task AScaleIdEqualToAnItemIdIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["scales"]![1]!["id"] = "dk_01");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.scales[1].id", "duplicate-id", "also an item id");
    }

    [Fact]
    public async Task AScaleIdEqualToAnItemIdOfAnotherInstrumentIsReported()
    {
        using var copy = new StudyCopy().Edit(Bevlogenheid, i => i["scales"]![0]!["id"] = "wb_01");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Bevlogenheid, "$.scales[0].id", "duplicate-id", "also an item id");
    }

    [Fact]
    public async Task ADuplicateInstrumentIdIsReportedInTheSecondFile()
    {
        using var copy = new StudyCopy()
            .Edit(Bevlogenheid, i => i["id"] = "welbevinden")
            .Edit(Study, s =>
            {
                foreach (var wave in s["waves"]!.AsArray()) wave!["instruments"]!.AsArray().RemoveAt(2);
            });

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Bevlogenheid, "$.id", "duplicate-id", Welbevinden);
    }

    [Fact]
    public async Task AnItemNamedLikeAFixedResponseColumnIsReserved()
    {
        using var copy = new StudyCopy().Replace(Welbevinden, "\"wb_01\"", "\"school\"");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.items[0].id", "reserved-id", "'school'");
    }

    [Fact]
    public async Task AScaleNamedLikeAFixedResponseColumnIsReserved()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["scales"]![0]!["id"] = "wave");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.scales[0].id", "reserved-id", "'wave'");
    }

    [Fact]
    public async Task AStudyWithoutRolesIsMissingARequiredProperty()
    {
        using var copy = new StudyCopy().Edit(Study, s => s.Remove("roles"));

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.roles", "missing");
    }

    [Fact]
    public async Task AStudyNameGivenAsPlainTextIsAWrongType()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["name"] = "Vlaamse Veerkracht");

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.name", "wrong-type");
    }

    [Fact]
    public async Task AStudyIdWithASpaceIsABadId()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["id"] = "vlaamse veerkracht");

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.id", "bad-id");
    }

    [Fact]
    public async Task AMisspeltTopLevelPropertyIsAnUnknownProperty()
    {
        using var copy = new StudyCopy().Edit(Study, s =>
        {
            var waves = s["waves"]!.DeepClone();
            s.Remove("waves");
            s["wave"] = waves;
        });

        var result = await copy.LoadAsync();

        Assert.Equal(2, result.Problems.Count);
        ProblemAssert.Has(result, Study, "$.wave", "unknown-property");
        ProblemAssert.Has(result, Study, "$.waves", "missing");
    }

    [Fact]
    public async Task ARoleWithoutDutchNameIsReported()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["roles"]![3]!["name"]!.AsObject().Remove("nl"));

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.roles[3].name.nl", "missing-dutch");
    }

    [Fact]
    public async Task ProblemsInSeveralFilesAreAllReportedAtOnce()
    {
        using var copy = new StudyCopy()
            .Edit(Study, s =>
            {
                s["waves"]![1]!["opens"] = "2021-12-01T00:00:00+01:00";          // overlapping-windows
                s["analysis"]!["privacyThreshold"] = 0;                            // out-of-range
            })
            .Edit("organisation.json", o =>
            {
                o["networks"]![0]!["trajectory"] = "onbekend";                     // unknown-trajectory
                o["networks"]![1]!["schools"]!.AsArray().Add("oostende-bs-01");    // school-in-two-networks
            })
            .Edit(Welbevinden, i =>
            {
                i["scales"]![0]!["items"]![2] = "wb_99";                          // unknown-item
                i["responseFormats"]![0]!["labels"]![0]!["value"] = 9;            // label-out-of-range
            })
            .Edit(Bevlogenheid, i => i["items"]![0]!["text"]!.AsObject().Remove("nl")); // missing-dutch

        var result = await copy.LoadAsync();

        Assert.Equal(7, result.Problems.Count);
        ProblemAssert.Has(result, Study, "$.waves[1].opens", "overlapping-windows");
        ProblemAssert.Has(result, Study, "$.analysis.privacyThreshold", "out-of-range");
        ProblemAssert.Has(result, "organisation.json", "$.networks[0].trajectory", "unknown-trajectory");
        ProblemAssert.Has(result, "organisation.json", "$.networks[1].schools[4]", "school-in-two-networks");
        ProblemAssert.Has(result, Welbevinden, "$.scales[0].items[2]", "unknown-item");
        ProblemAssert.Has(result, Welbevinden, "$.responseFormats[0].labels[0].value", "label-out-of-range");
        ProblemAssert.Has(result, Bevlogenheid, "$.items[0].text.nl", "missing-dutch");
        Assert.NotNull(result.Hash);
    }

    [Fact]
    public async Task ProblemsComeInFileOrder()
    {
        using var copy = new StudyCopy()
            .Edit("organisation.json", o => o["networks"]![0]!["trajectory"] = "onbekend")
            .Edit(Bevlogenheid, i => i["version"] = "")
            .Edit(Study, s =>
            {
                s["roles"]![0]!["id"] = "lei der";
                s["waves"]![2]!["opens"] = "2022-05-01T00:00:00+02:00";
            });

        var result = await copy.LoadAsync();

        Assert.Equal([Study, Study, Bevlogenheid, "organisation.json"], result.Problems.Select(p => p.File));
    }
}
