using Monitoring.Profiles.Naming;
using Monitoring.Profiles.Points;
using Monitoring.Profiles.Tests.Support;

namespace Monitoring.Profiles.Tests.Naming;

/// <summary>Leaf order of the sample study: welbevinden, draagkracht, steun_leiding, participatie, collegialiteit, vitaliteit, toewijding, absorptie.</summary>
public sealed class ProfileNamerTests
{
    private static async Task<ProfileNamer> NamerAsync()
    {
        var study = await SampleStudy.GetAsync();
        return new ProfileNamer(study, ProfileSpace.LeafScalesOf(study));
    }

    [Fact]
    public async Task HighSharedLeadershipAndLowCapacityAreNamedByTheParentAndTheScale()
    {
        var name = (await NamerAsync()).Name([0.1, -0.9, 0.8, 0.7, 0.9, 0.2, -0.3, 0.0]);
        Assert.Equal("hoog op gedeeld leiderschap, laag op draagkracht", name.Nl);
        Assert.Equal("high on shared leadership, low on capacity to cope with the workload", name.En);
    }

    [Fact]
    public async Task SubscalesThatDoNotAllGoTheSameWayAreNamedOneByOne()
    {
        var name = (await NamerAsync()).Name([0, 0, 0.6, 0.2, 1.1, 0, 0, 0]);
        Assert.Equal("hoog op collegiale samenwerking en steun van het leidinggevend team", name.Nl);
        Assert.Equal("high on collegial cooperation and support from the leadership team", name.En);
    }

    [Fact]
    public async Task AtMostTheTwoStrongestDeviationsOfEachDirectionAreNamed()
    {
        var name = (await NamerAsync()).Name([-0.6, -1.5, 0, 0, 0, -0.7, 0.2, 0.55]);
        Assert.Equal("hoog op absorptie, laag op draagkracht en vitaliteit", name.Nl);
        Assert.Equal("high on absorption, low on capacity to cope with the workload and vigour", name.En);
    }

    [Fact]
    public async Task SmallDeviationsGiveTheAverageProfile()
    {
        var name = (await NamerAsync()).Name([0.49, -0.49, 0.3, 0, 0, 0, -0.2, 0.1]);
        Assert.Equal("gemiddeld profiel", name.Nl);
        Assert.Equal("average profile", name.En);
    }

    [Fact]
    public async Task AProfileSlightlyBelowAverageOnEveryScaleIsNotCalledAverage()
    {
        var name = (await NamerAsync()).Name([-0.45, -0.3, -0.35, -0.2, -0.4, -0.1, -0.3, -0.25]);
        Assert.Equal("onder het gemiddelde op alle schalen", name.Nl);
        Assert.Equal("below average on every scale", name.En);
    }

    [Fact]
    public async Task AProfileSlightlyAboveAverageOnEveryScaleSaysSo()
    {
        var name = (await NamerAsync()).Name([0.45, 0.3, 0.35, 0.2, 0.4, 0.1, 0.3, 0.25]);
        Assert.Equal("above average on every scale", name.En);
    }

    [Fact]
    public async Task TinyDeviationsOnOneSideAreStillTheAverageProfile()
    {
        var name = (await NamerAsync()).Name([-0.05, -0.1, -0.02, -0.1, -0.01, -0.1, -0.03, -0.05]);
        Assert.Equal("average profile", name.En);
    }

    [Fact]
    public async Task AProfileHighOnEveryScaleSaysSo()
    {
        var namer = await NamerAsync();
        Assert.Equal("high on all scales", namer.Name([0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 0.5]).En);
        Assert.Equal("laag op alle schalen", namer.Name([-0.6, -0.7, -0.8, -0.9, -1, -1.1, -1.2, -0.5]).Nl);
    }

    [Theory]
    [InlineData("Draagkracht", "draagkracht")]
    [InlineData("ICT-gebruik", "ICT-gebruik")]
    [InlineData("X", "x")]
    public void NamesAreLowerCasedExceptAbbreviations(string name, string expected) =>
        Assert.Equal(expected, ProfileNamer.Lower(name));
}
