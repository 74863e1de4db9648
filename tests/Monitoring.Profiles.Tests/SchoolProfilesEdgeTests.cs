using Monitoring.Core.Results;
using Monitoring.Core.Settings;
using Monitoring.Profiles.Tests.Support;

namespace Monitoring.Profiles.Tests;

/// <summary>School profiles on small, hand-made inputs: three well-separated groups of the sample study's 69 schools.</summary>
public sealed class SchoolProfilesEdgeTests
{
    [Fact]
    public async Task SchoolsBelowTheThresholdAreLeftOutAndGetNoProfile()
    {
        var study = await SampleStudy.GetAsync();
        var (school, wave) = (study.Schools[4].Id, study.Waves[1].Id);
        var means = ClusteredMeans.For(study).Select(m => m.School == school && m.Wave == wave && m.Scale.Value == "toewijding" ? m with { N = 4 } : m).ToList();

        var results = SchoolProfiles.Compute(study, means, new ProfileSettings(), privacyThreshold: 5);

        Assert.Equal([new LeftOutSchool(school, wave, "4 valid scores on 'toewijding', below the privacy threshold of 5")], results.LeftOut);
        Assert.DoesNotContain(results.Profiles, p => p.School == school && p.Wave == wave);
        Assert.Equal(study.Schools.Count * study.Waves.Count - 1, results.Profiles.Count);
    }

    [Fact]
    public async Task ClearGroupsAreFoundAndAreStable()
    {
        var study = await SampleStudy.GetAsync();
        var results = SchoolProfiles.Compute(study, ClusteredMeans.For(study), new ProfileSettings(), privacyThreshold: 5);

        Assert.Equal(3, results.K);
        Assert.All(results.Centroids, c => Assert.True(c.IsStable && c.MeanJaccard > 0.95));
        Assert.True(results.Selection.Single(s => s.IsChosen).Stability > 0.95);
        Assert.Equal(new ProfileSampling(207, SchoolProfiles.MaxFitPoints, 207, 207, 10), results.Sampling);
        // Group 0 (every fifth... every third school) is high everywhere: profile 1.
        Assert.All(results.Profiles.Where(p => study.Schools.ToList().FindIndex(s => s.Id == p.School) % 3 == 0), p => Assert.Equal(1, p.Profile));
        Assert.Equal("hoog op alle schalen", results.Centroids[0].Name.Nl);
    }

    [Fact]
    public async Task TooFewSchoolWavesGiveAReasonInsteadOfProfiles()
    {
        var study = await SampleStudy.GetAsync();
        var means = ClusteredMeans.For(study).Where(m => m.School == study.Schools[0].Id || m.School == study.Schools[1].Id).Where(m => m.Wave == study.Waves[0].Id).ToList();

        var results = SchoolProfiles.Compute(study, means, new ProfileSettings(), privacyThreshold: 5);

        Assert.False(results.IsComputed);
        Assert.Equal("Only 2 school-waves take part; 2 profiles need at least 3.", results.NotComputedReason);
        Assert.Empty(results.Profiles);
        Assert.Equal(2, results.Reference[0].Schools);
    }

    [Fact]
    public async Task SettingsOutOfRangeAreACallersBug()
    {
        var study = await SampleStudy.GetAsync();
        var means = ClusteredMeans.For(study);
        Assert.Throws<ArgumentOutOfRangeException>(() => SchoolProfiles.Compute(study, means, new ProfileSettings { MinK = 1 }, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchoolProfiles.Compute(study, means, new ProfileSettings { ForcedK = 1 }, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchoolProfiles.Compute(study, means, new ProfileSettings { Restarts = 0 }, 5));
    }
}
