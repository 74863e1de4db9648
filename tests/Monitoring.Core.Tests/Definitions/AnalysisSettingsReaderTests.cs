using System.Text.Json.Nodes;

namespace Monitoring.Core.Tests.Definitions;

/// <summary>The analysis settings block of study.json, through the loader.</summary>
public sealed class AnalysisSettingsReaderTests
{
    private const string Study = "study.json";

    private static StudyCopy WithAnalysis(Action<JsonObject> edit) => new StudyCopy().Edit(Study, s => edit(s["analysis"]!.AsObject()));

    [Fact]
    public async Task APrivacyThresholdOfZeroIsOutOfRange()
    {
        using var copy = WithAnalysis(a => a["privacyThreshold"] = 0);

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.privacyThreshold", "out-of-range", "0");
    }

    [Fact]
    public async Task APrivacyThresholdAsTextIsAWrongType()
    {
        using var copy = WithAnalysis(a => a["privacyThreshold"] = "5");

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.privacyThreshold", "wrong-type");
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(1.0)]
    [InlineData(0.0)]
    [InlineData(-0.95)]
    public async Task AConfidenceLevelOutsideTheOpenUnitIntervalIsOutOfRange(double level)
    {
        using var copy = WithAnalysis(a => a["confidenceLevel"] = level);

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.confidenceLevel", "out-of-range");
    }

    [Fact]
    public async Task AnUnknownReliabilityMissingConventionIsReported()
    {
        using var copy = WithAnalysis(a => a["reliabilityMissing"] = "sometimes");

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.reliabilityMissing", "unknown-convention", "'sometimes'");
    }

    [Fact]
    public async Task TheInvarianceThresholdsAreReadAndDefaultToChens()
    {
        using var defaults = WithAnalysis(_ => { });
        using var copy = WithAnalysis(a => a["invariance"] = new JsonObject { ["maxCfiDrop"] = 0.005, ["maxRmseaRise"] = 0.01 });

        var standard = (await defaults.LoadAsync()).Study!.Analysis.Invariance;
        var read = (await copy.LoadAsync()).Study!.Analysis.Invariance;

        Assert.Equal((0.010, 0.015), (standard.MaxCfiDrop, standard.MaxRmseaRise));
        Assert.Equal((0.005, 0.01), (read.MaxCfiDrop, read.MaxRmseaRise));
    }

    [Fact]
    public async Task AnInvarianceThresholdAboveOneIsOutOfRange()
    {
        using var copy = WithAnalysis(a => a["invariance"] = new JsonObject { ["maxCfiDrop"] = 2 });

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.invariance.maxCfiDrop", "out-of-range");
    }

    [Fact]
    public async Task AMisspeltSettingIsAnUnknownProperty()
    {
        using var copy = WithAnalysis(a =>
        {
            a.Remove("privacyThreshold");
            a["privacyTreshold"] = 5;
        });

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.privacyTreshold", "unknown-property", "privacyThreshold");
    }

    [Fact]
    public async Task AMisspeltCleaningRuleIsAnUnknownProperty()
    {
        using var copy = WithAnalysis(a =>
        {
            var cleaning = a["cleaning"]!.AsObject();
            cleaning.Remove("speeders");
            cleaning["speeder"] = new JsonObject { ["enabled"] = false };
        });

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.cleaning.speeder", "unknown-property");
    }

    [Fact]
    public async Task ARuleSwitchThatIsNotABooleanIsAWrongType()
    {
        using var copy = WithAnalysis(a => a["cleaning"]!["duplicates"]!["enabled"] = "yes");

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.cleaning.duplicates.enabled", "wrong-type");
    }

    [Fact]
    public async Task AStraightLineMinimumOfOneItemIsOutOfRange()
    {
        using var copy = WithAnalysis(a => a["cleaning"]!["straightLiners"]!["minItems"] = 1);

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.cleaning.straightLiners.minItems", "out-of-range");
    }

    [Fact]
    public async Task ASpeederThresholdOfZeroIsOutOfRange()
    {
        using var copy = WithAnalysis(a => a["cleaning"]!["speeders"]!["minSecondsPerItem"] = 0);

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.cleaning.speeders.minSecondsPerItem", "out-of-range");
    }

    [Fact]
    public async Task AMinimumAnsweredShareAboveOneIsOutOfRange()
    {
        using var copy = WithAnalysis(a => a["cleaning"]!["incomplete"]!["minAnsweredShare"] = 1.2);

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.cleaning.incomplete.minAnsweredShare", "out-of-range");
    }

    [Fact]
    public async Task MinKAboveMaxKIsReported()
    {
        using var copy = WithAnalysis(a =>
        {
            a["profiles"]!["minK"] = 6;
            a["profiles"]!["maxK"] = 4;
        });

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.profiles.minK", "min-not-below-max");
    }

    [Fact]
    public async Task AForcedKAboveMaxKIsOutOfRange()
    {
        using var copy = WithAnalysis(a => a["profiles"]!["k"] = 12);

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.profiles.k", "out-of-range", "12");
    }

    [Fact]
    public async Task AForcedKBelowMinKIsOutOfRange()
    {
        using var copy = WithAnalysis(a =>
        {
            a["profiles"]!["minK"] = 3;
            a["profiles"]!["k"] = 2;
        });

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.profiles.k", "out-of-range");
    }

    [Fact]
    public async Task AStabilityThresholdAboveOneIsOutOfRange()
    {
        using var copy = WithAnalysis(a => a["profiles"]!["stabilityThreshold"] = 1.01);

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis.profiles.stabilityThreshold", "out-of-range");
    }

    [Fact]
    public async Task AnAnalysisBlockThatIsNotAnObjectIsAWrongType()
    {
        using var copy = new StudyCopy().Edit(Study, s => s["analysis"] = new JsonArray());

        ProblemAssert.Only(await copy.LoadAsync(), Study, "$.analysis", "wrong-type");
    }

    [Fact]
    public async Task TheOpenModeBoundIsReadWithItsDefaultsForWhatIsLeftOut()
    {
        using var copy = WithAnalysis(a => a["privacy"] = new JsonObject { ["maxResponsesPerStaff"] = 1.5 });

        var privacy = (await copy.LoadAsync()).Study!.Analysis.Privacy;

        Assert.Equal(1.5, privacy.MaxResponsesPerStaff);
        Assert.Equal(2, privacy.ExtraResponses);
        Assert.Equal(17.0, privacy.Limit(10));
        Assert.Null(privacy.Limit(null));
    }

    [Fact]
    public async Task ANegativeExtraAndAZeroShareOfTheOpenModeBoundAreOutOfRange()
    {
        using var extra = WithAnalysis(a => a["privacy"] = new JsonObject { ["extraResponses"] = -1 });
        using var share = WithAnalysis(a => a["privacy"] = new JsonObject { ["maxResponsesPerStaff"] = 0 });

        ProblemAssert.Only(await extra.LoadAsync(), Study, "$.analysis.privacy.extraResponses", "out-of-range");
        ProblemAssert.Only(await share.LoadAsync(), Study, "$.analysis.privacy.maxResponsesPerStaff", "out-of-range");
    }
}
