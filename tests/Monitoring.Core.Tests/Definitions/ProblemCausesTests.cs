using Monitoring.Core.Definitions;

namespace Monitoring.Core.Tests.Definitions;

/// <summary>Problems that follow from another one are linked to it (<see cref="DefinitionProblem.Cause"/>, <see cref="DefinitionResult.Groups"/>).</summary>
public sealed class ProblemCausesTests
{
    [Fact]
    public async Task ADuplicatedWaveIdIsTheCauseOfTheSixtyNineUnknownWaveProblemsItLeavesBehind()
    {
        using var copy = new StudyCopy().Edit("study.json", s => s["waves"]![1]!["id"] = "T0");

        var result = await StudyDefinitionLoader.LoadAsync(copy.Directory);

        Assert.Equal(70, result.Problems.Count);
        var group = Assert.Single(result.Groups);
        Assert.Equal(("study.json", "$.waves[1].id", "duplicate-id"), (group.Cause.File, group.Cause.Path, group.Cause.Code));
        Assert.Null(group.Cause.Cause);
        Assert.Equal(69, group.FollowOns.Count);
        Assert.All(group.FollowOns, p => Assert.Equal(("unknown-wave", group.Cause), (p.Code, p.Cause)));
    }

    [Fact]
    public async Task TheSameMistakeRepeatedIsFoldedUnderItsFirstOccurrence()
    {
        using var copy = new StudyCopy().Edit("study.json", s => s["waves"]![2]!["id"] = "T3");

        var result = await StudyDefinitionLoader.LoadAsync(copy.Directory);

        var group = Assert.Single(result.Groups);
        Assert.Equal(("organisation.json", "$.schools[0].staff.T2", "unknown-wave"), (group.Cause.File, group.Cause.Path, group.Cause.Code));
        Assert.Equal(result.Problems.Count - 1, group.FollowOns.Count);
    }

    [Fact]
    public async Task UnrelatedProblemsAreEachTheirOwnCauseInFileOrder()
    {
        using var copy = new StudyCopy().Edit("study.json", s =>
        {
            s["analysis"]!["privacyThreshold"] = 0;
            s["analysis"]!["confidenceLevel"] = 1.5;
        });

        var result = await StudyDefinitionLoader.LoadAsync(copy.Directory);

        Assert.Equal(2, result.Problems.Count);
        Assert.Equal(result.Problems, result.Groups.Select(g => g.Cause));
        Assert.All(result.Groups, g => Assert.Empty(g.FollowOns));
    }
}
