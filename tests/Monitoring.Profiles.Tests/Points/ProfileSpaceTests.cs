using Monitoring.Core.Instruments;
using Monitoring.Core.Results;
using Monitoring.Profiles.Points;
using Monitoring.Profiles.Tests.Support;

namespace Monitoring.Profiles.Tests.Points;

public sealed class ProfileSpaceTests
{
    [Fact]
    public async Task TheDimensionsAreTheLeafScalesDerivedFromTheStudy()
    {
        var study = await SampleStudy.GetAsync();
        Assert.Equal(
            ["welbevinden", "draagkracht", "steun_leiding", "participatie", "collegialiteit", "vitaliteit", "toewijding", "absorptie"],
            ProfileSpace.LeafScalesOf(study).Select(s => s.Id.Value));
    }

    [Fact]
    public async Task EveryWaveIsStandardizedAgainstTheBaselineSchoolMeans()
    {
        var study = await SampleStudy.GetAsync();
        var means = ClusteredMeans.For(study);
        var space = ProfileSpace.Build(study, means, privacyThreshold: 5);

        var scale = new ScaleId("participatie");
        var baseline = means.Where(m => m.Scale == scale && m.Wave == study.Waves[0].Id).Select(m => m.Mean).ToArray();
        var mean = baseline.Average();
        var sd = Math.Sqrt(baseline.Sum(v => (v - mean) * (v - mean)) / (baseline.Length - 1));
        var reference = space.Reference[3];
        Assert.Equal(scale, reference.Scale);
        Assert.Equal(mean, reference.Mean, 12);
        Assert.Equal(sd, reference.StandardDeviation, 12);
        Assert.Equal(study.Schools.Count, reference.Schools);

        var school = study.Schools[5].Id;
        var t2 = study.Waves[2].Id;
        var i = Enumerable.Range(0, space.Count).Single(p => study.Schools[space.School[p]].Id == school && study.Waves[space.Wave[p]].Id == t2);
        var raw = means.Single(m => m.School == school && m.Wave == t2 && m.Scale == scale).Mean;
        Assert.Equal((raw - mean) / sd, space.X[i * space.Dimensions + 3], 12);
    }

    [Fact]
    public async Task SchoolsBelowThePrivacyThresholdAreLeftOutWithTheReason()
    {
        var study = await SampleStudy.GetAsync();
        var (t0, t1, t2) = (study.Waves[0].Id, study.Waves[1].Id, study.Waves[2].Id);
        var (a, b, c) = (study.Schools[0].Id, study.Schools[1].Id, study.Schools[2].Id);
        var means = ClusteredMeans.For(study)
            .Select(m => (m.School, m.Wave, m.Scale.Value) switch
            {
                (var s, var w, "participatie") when s == a && w == t1 => m with { N = 3 },
                (var s, var w, "welbevinden") when s == b && w == t0 => m with { N = 1 },
                (var s, var w, "draagkracht") when s == b && w == t0 => m with { N = 2 },
                _ => m,
            })
            .Where(m => !(m.School == c && m.Wave == t2 && m.Scale.Value == "absorptie"))
            .ToList();

        var space = ProfileSpace.Build(study, means, privacyThreshold: 5);

        Assert.Equal(
        [
            new LeftOutSchool(a, t1, "3 valid scores on 'participatie', below the privacy threshold of 5"),
            new LeftOutSchool(b, t0, "1 valid score on 'welbevinden' and 2 on 'draagkracht', below the privacy threshold of 5"),
            new LeftOutSchool(c, t2, "no mean on 'absorptie'"),
        ], space.LeftOut);
        Assert.Equal(study.Schools.Count * study.Waves.Count - 3, space.Count);
        Assert.Equal(study.Schools.Count - 1, space.Reference[0].Schools);
    }

    [Fact]
    public async Task AMeanOfAnUnknownSchoolIsACallersBug()
    {
        var study = await SampleStudy.GetAsync();
        var means = ClusteredMeans.For(study);
        means.Add(means[0] with { School = new("nope") });
        Assert.Throws<ArgumentException>(() => ProfileSpace.Build(study, means, 5));
        Assert.Throws<ArgumentException>(() => ProfileSpace.Build(study, [.. ClusteredMeans.For(study), ClusteredMeans.For(study)[3]], 5));
    }
}
