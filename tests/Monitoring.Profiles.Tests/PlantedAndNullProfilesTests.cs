using Monitoring.Profiles.Tests.Support;
using Xunit.Abstractions;

namespace Monitoring.Profiles.Tests;

/// <summary>
/// The batch's profiles find the generator's four planted profiles, with k chosen automatically, and report no clear
/// profiles on data generated without them: on the sample study (data-samples/responses.csv) and on generated
/// studies of 50,000 responses (the study scaled up to about 700 schools).
/// </summary>
public sealed class PlantedAndNullProfilesTests(ITestOutputHelper output)
{
    private const int Planted = 4;

    [Fact]
    public async Task TheSampleStudysPlantedProfilesAreFoundWithKChosenAutomatically() =>
        AssertFound(await BatchProfiles.SampleAsync());

    [Fact]
    public async Task AGenerated50000ResponseStudysPlantedProfilesAreFound() =>
        AssertFound(await BatchProfiles.GeneratedAsync(50_000, seed: 3, plantProfiles: true));

    [Fact]
    public async Task ASampleSizedStudyGeneratedWithoutProfilesHasNoClearProfiles() =>
        AssertNone(await BatchProfiles.GeneratedAsync(4_000, seed: 1, plantProfiles: false));

    [Fact]
    public async Task A50000ResponseStudyGeneratedWithoutProfilesHasNoClearProfiles() =>
        AssertNone(await BatchProfiles.GeneratedAsync(50_000, seed: 3, plantProfiles: false));

    private void AssertFound(BatchProfiles batch)
    {
        var results = batch.Results;
        Describe(batch);
        Assert.True(results.IsComputed, results.NotComputedReason);
        Assert.False(results.KWasForced);
        Assert.Equal(Planted, results.K);
        Assert.True(batch.AdjustedRand() >= 0.8, $"ARI {batch.AdjustedRand():F3}");
    }

    private void AssertNone(BatchProfiles batch)
    {
        var results = batch.Results;
        Describe(batch);
        Assert.True(results.NoClearProfiles);
        Assert.False(results.IsComputed);
        Assert.StartsWith("No clear profiles", results.NotComputedReason, StringComparison.Ordinal);
        Assert.Empty(results.Centroids);
        Assert.Empty(results.Profiles);
        Assert.All(results.Selection, s => Assert.True(s.Bic < results.SingleGroupBic));
    }

    private void Describe(BatchProfiles batch)
    {
        var r = batch.Results;
        output.WriteLine($"{r.Sampling.Points} points, k = {r.K}, one group BIC {r.SingleGroupBic:F1}; {r.NotComputedReason}");
        foreach (var s in r.Selection) output.WriteLine($"k={s.K} BIC={s.Bic:F1} silhouette={s.Silhouette:F3}");
        if (r.IsComputed) output.WriteLine($"ARI {batch.AdjustedRand():F3}");
    }
}
