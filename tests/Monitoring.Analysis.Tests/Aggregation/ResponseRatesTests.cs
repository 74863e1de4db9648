using Monitoring.Core.Results;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Aggregation;

/// <summary>Kept responses per school and wave against the staff count, suppressed as aggregates are (docs/methods.md).</summary>
public class ResponseRatesTests
{
    private static IEnumerable<ResponseRow> Rows(string school, int count, string wave = "T0") =>
        Enumerable.Range(0, count).Select(_ => ResponseRow.Valid(school, wave));

    private static ResponseRate Find(AnalysisOutcome outcome, string school, string wave = "T0") =>
        Assert.Single(outcome.Results.ResponseRates, r => r.School.Value == school && r.Wave.Value == wave);

    [Fact]
    public async Task ARateIsTheKeptResponsesOverTheSchoolsStaffInThatWave()
    {
        // oostende-bs-01 has 41 staff in T0 and 41 in T1 (organisation.json); one excluded speeder does not count.
        var outcome = await TestResponses.AnalyseAsync([.. Rows("oostende-bs-01", 6), ResponseRow.Valid().Duration(3), .. Rows("oostende-bs-01", 7, "T1")]);

        var t0 = Find(outcome, "oostende-bs-01");
        Assert.Equal(6, t0.Responses);
        Assert.Equal(41, t0.Staff);
        Assert.Equal(6.0 / 41, t0.Rate!.Value, 1e-12);
        Assert.False(t0.Suppressed);
        Assert.Equal(7.0 / 41, Find(outcome, "oostende-bs-01", "T1").Rate!.Value, 1e-12);
    }

    [Fact]
    public async Task ResponseCountsAreSuppressedBelowTheThresholdWithComplementarySuppressionInTheNetwork()
    {
        var outcome = await TestResponses.AnalyseAsync(
        [
            // kust-en-polder: 5, 4, 1 → 5 hidden, nothing more to hide.
            .. Rows("oostende-bs-01", 5), .. Rows("bredene-bs-01", 4), .. Rows("gistel-bs-01", 1),
            // westhoek-samen: 2, 7, 6 → the 6 is hidden too.
            .. Rows("ieper-so-01", 2), .. Rows("poperinge-bs-01", 7), .. Rows("diksmuide-so-01", 6),
        ]);

        Assert.False(Find(outcome, "oostende-bs-01").Suppressed);
        Assert.True(Find(outcome, "bredene-bs-01").Suppressed);
        Assert.True(Find(outcome, "gistel-bs-01").Suppressed);
        Assert.True(Find(outcome, "ieper-so-01").Suppressed);
        Assert.False(Find(outcome, "poperinge-bs-01").Suppressed);
        Assert.True(Find(outcome, "diksmuide-so-01").Suppressed);
        Assert.True(Find(outcome, "veurne-bs-01").Suppressed);
        // One rate per school and wave.
        Assert.Equal(69 * 3, outcome.Results.ResponseRates.Count);
    }

    [Fact]
    public async Task ASchoolWithoutAStaffCountForAWaveHasNoRateThere()
    {
        using var copy = TestStudy.Copy().EditOrganisation(o => o["schools"]![0]!["staff"]!.AsObject().Remove("T1"));
        var study = await copy.LoadAsync();

        var outcome = await TestResponses.AnalyseAsync(study, [.. Rows("oostende-bs-01", 6, "T1")]);

        var rate = Assert.Single(outcome.Results.ResponseRates, r => r.School.Value == "oostende-bs-01" && r.Wave.Value == "T1");
        Assert.Equal(6, rate.Responses);
        Assert.Null(rate.Staff);
        Assert.Null(rate.Rate);
    }
}
