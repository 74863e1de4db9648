using Monitoring.Core.Results;
using Monitoring.Core.Studies;
using Monitoring.Profiles.Clustering;
using Monitoring.Profiles.Tests.Support;
using Xunit.Abstractions;

namespace Monitoring.Profiles.Tests;

public sealed class SchoolProfilesTests(PlantedProfiles planted, ITestOutputHelper output) : IClassFixture<PlantedProfiles>
{
    [Fact]
    public void RecoveredProfilesMatchThePlantedOnesAtBaseline()
    {
        var results = planted.Results;
        var baseline = planted.Data.Study.Waves[0].Id;
        Describe(results);
        foreach (var wave in planted.Data.Study.Waves)
            output.WriteLine($"ARI {wave.Id}: {AdjustedRand(results.Profiles.Where(p => p.Wave == wave.Id)):F3}");

        // Later waves add the planted trajectory growth (up to +0.5 SD on every scale by T2), which moves
        // schools against the fixed baseline reference by design; the baseline carries the profiles alone.
        Assert.True(AdjustedRand(results.Profiles.Where(p => p.Wave == baseline)) >= 0.9);
    }

    [Fact]
    public void TheSameSeedGivesTheSameResults()
    {
        var again = SchoolProfiles.Compute(planted.Data.Study, planted.Data.Means, planted.Settings, PlantedProfiles.PrivacyThreshold);

        Assert.Equal(planted.Results.Profiles, again.Profiles);
        Assert.Equal(planted.Results.Selection, again.Selection);
        Assert.Equal(planted.Results.Transitions.Select(Text), again.Transitions.Select(Text));
        Assert.Equal(planted.Results.Centroids.Select(Text), again.Centroids.Select(Text));
    }

    [Fact]
    public void AnotherSeedGivesTheSameProfileNumbers()
    {
        var other = SchoolProfiles.Compute(planted.Data.Study, planted.Data.Means, planted.Settings with { Seed = 987654 }, PlantedProfiles.PrivacyThreshold);

        var first = planted.Results.Profiles;
        var same = first.Zip(other.Profiles).Count(p => p.First.Profile == p.Second.Profile);
        output.WriteLine($"{same} of {first.Count} school-waves keep their profile number");
        Assert.True(same >= 0.97 * first.Count);
        Assert.Equal(planted.Results.Centroids.Select(c => c.Name), other.Centroids.Select(c => c.Name));
    }

    [Fact]
    public void ProfilesAreNumberedByDescendingCentroidMean()
    {
        var means = planted.Results.Centroids.Select(c => c.Values.Average(v => v.Z)).ToArray();
        Assert.Equal(means.OrderDescending(), means);
        Assert.Equal(Enumerable.Range(1, PlantedProfiles.Planted), planted.Results.Centroids.Select(c => c.Profile));
    }

    [Fact]
    public void CentroidsSizesAndDistancesAreConsistent()
    {
        var results = planted.Results;
        Assert.Equal(results.Sampling.Points, results.Profiles.Count);
        Assert.Equal(results.Profiles.Count, results.Centroids.Sum(c => c.Size));
        foreach (var centroid in results.Centroids)
        {
            Assert.Equal(results.Profiles.Count(p => p.Profile == centroid.Profile), centroid.Size);
            foreach (var (value, reference) in centroid.Values.Zip(results.Reference))
            {
                Assert.Equal(reference.Scale, value.Scale);
                Assert.Equal(reference.Mean + value.Z * reference.StandardDeviation, value.Mean, 12);
            }
        }

        // The distance is to the centroid in standardized units: recompute one school-wave's from its means.
        var profile = results.Profiles[0];
        var z = results.Reference.Select(r => (planted.Data.Means.Single(m => m.School == profile.School && m.Wave == profile.Wave && m.Scale == r.Scale).Mean - r.Mean) / r.StandardDeviation);
        var centroidZ = results.Centroids[profile.Profile - 1].Values.Select(v => v.Z);
        Assert.Equal(Math.Sqrt(z.Zip(centroidZ).Sum(p => (p.First - p.Second) * (p.First - p.Second))), profile.Distance, 9);
        Assert.Equal(planted.Data.Study.NetworkOf(profile.School)!.Id, profile.Network);
    }

    [Fact]
    public void AForcedKIsReportedWithEveryKOfTheRange()
    {
        var results = planted.Results;
        Assert.Equal(PlantedProfiles.Planted, results.K);
        Assert.True(results.KWasForced);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], results.Selection.Select(s => s.K));
        Assert.Equal(PlantedProfiles.Planted, results.Selection.Single(s => s.IsChosen).K);
        Assert.Equal(planted.Settings.BootstrapResamples, results.Selection.Single(s => s.IsChosen).Resamples);
        Assert.All(results.Selection.Where(s => !s.IsChosen), s => Assert.Equal(results.Sampling.SelectionResamples, s.Resamples));
    }

    [Fact]
    public void WithoutAForcedKTheHighestBicChooses()
    {
        var results = SchoolProfiles.Compute(planted.Data.Study, planted.Data.Means, planted.Settings with { ForcedK = null }, PlantedProfiles.PrivacyThreshold);
        Describe(results);

        Assert.False(results.KWasForced);
        var best = results.Selection.MaxBy(s => s.Bic)!;
        Assert.True(best.IsChosen);
        Assert.True(best.Bic > results.SingleGroupBic);
        Assert.Equal(best.K, results.K);
        Assert.Single(results.Selection, s => s.IsChosen);
    }

    private void Describe(ProfileResults results)
    {
        output.WriteLine($"{results.Sampling.Points} points, {results.LeftOut.Count} left out, k = {results.K}");
        foreach (var s in results.Selection)
            output.WriteLine($"k={s.K} silhouette={s.Silhouette:F3} DB={s.DaviesBouldin:F3} CH={s.CalinskiHarabasz:F1} stability={s.Stability:F3} ({s.Resamples})");
        foreach (var c in results.Centroids)
            output.WriteLine($"{c.Profile}: n={c.Size} Jaccard={c.MeanJaccard:F3} {c.Name.Nl} / {c.Name.En} | {string.Join(" ", c.Values.Select(v => v.Z.ToString("F2")))}");
    }

    private double AdjustedRand(IEnumerable<SchoolProfile> profiles)
    {
        var list = profiles.ToArray();
        var recovered = list.Select(p => p.Profile - 1).ToArray();
        var truth = list.Select(p => planted.Data.Planted[(p.School, p.Wave)] - 1).ToArray();
        return new PartitionAgreement(truth, truth.Max() + 1, recovered, recovered.Max() + 1).AdjustedRandIndex();
    }

    private static string Text(ProfileTransition t) => $"{t} {string.Join(",", t.Schools)}";

    private static string Text(ProfileCentroid c) => $"{c} {string.Join(",", c.Values)}";
}
