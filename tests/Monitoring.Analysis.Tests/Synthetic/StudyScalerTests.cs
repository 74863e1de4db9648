using Monitoring.Analysis.Synthetic;

namespace Monitoring.Analysis.Tests.Synthetic;

public sealed class StudyScalerTests
{
    [Fact]
    public async Task AFactorOfOneReturnsTheStudyItself()
    {
        var study = await SampleStudy.LoadAsync();

        Assert.Same(study, StudyScaler.Replicate(study, 1));
    }

    [Fact]
    public async Task EachCopyRepeatsEveryNetworkWithSuffixedIdsAndNames()
    {
        var study = await SampleStudy.LoadAsync();

        var scaled = StudyScaler.Replicate(study, 3);

        Assert.Equal(36, scaled.Networks.Count);
        Assert.Equal(207, scaled.Schools.Count);
        Assert.Equal(study.Networks.Select(n => n.Id.Value), scaled.Networks.Take(12).Select(n => n.Id.Value));
        Assert.Equal(study.Networks.Select(n => n.Id.Value + "-r3"), scaled.Networks.Skip(24).Select(n => n.Id.Value));
        var copy = scaled.FindNetwork(new("westhoek-samen-r2"))!;
        Assert.Equal("Samenwerkingsverband Westhoek (2)", copy.Name);
        Assert.Equal("samen-scholing", copy.Trajectory.Value);
        Assert.Equal(["ieper-so-01-r2", "poperinge-bs-01-r2", "diksmuide-so-01-r2", "veurne-bs-01-r2"], copy.Schools.Select(s => s.Value));
        var school = scaled.FindSchool(new("ieper-so-01-r2"))!;
        var original = study.FindSchool(new("ieper-so-01"))!;
        Assert.Equal(original.Name + " (2)", school.Name);
        Assert.Equal(original.StaffByWave, school.StaffByWave);
        Assert.Same(copy, scaled.NetworkOf(school.Id));
        Assert.Same(study.Instruments, scaled.Instruments);
    }

    [Fact]
    public async Task AFactorBelowOneIsACallersBug()
    {
        var study = await SampleStudy.LoadAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => StudyScaler.Replicate(study, 0));
    }
}
