using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Aggregation;

/// <summary>
/// The batch's ICCs per scale and wave against a one-way ANOVA by hand (docs/methods.md,
/// "Intraclass correlations"); its alphas per scale and wave against a hand calculation. The
/// whole sample is compared with R's psych in Monitoring.Batch.Tests.
/// </summary>
public class ReliabilityComputationTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public async Task TheIccOfASmallDataSetMatchesAOneWayAnovaByHand()
    {
        // welbevinden in T0: oostende 1 2 3, bredene 3 4 5, kortrijk 4 5 (another network; ICCs ignore networks).
        var outcome = await TestResponses.AnalyseAsync(
        [
            .. new[] { 1, 2, 3 }.Select(s => ResponseRow.Valid("oostende-bs-01").Welbevinden(s)),
            .. new[] { 3, 4, 5 }.Select(s => ResponseRow.Valid("bredene-bs-01").Welbevinden(s)),
            .. new[] { 4, 5 }.Select(s => ResponseRow.Valid("kortrijk-so-01").Welbevinden(s)),
        ]);

        var icc = Assert.Single(outcome.Results.Intraclass, r => r.Scale.Value == "welbevinden" && r.Wave.Value == "T0");

        // N = 8, J = 3, group means 2, 4, 4.5, grand mean 27 / 8 = 3.375.
        // SSB = 3(2 − 3.375)² + 3(4 − 3.375)² + 2(4.5 − 3.375)² = 9.375, MSB = 9.375 / 2.
        // SSW = 2 + 2 + 0.5 = 4.5, MSW = 4.5 / (8 − 3).
        // k0 = (8 − (9 + 9 + 4) / 8) / 2 = 2.625.
        const double msb = 9.375 / 2, msw = 4.5 / 5, k0 = 2.625;
        Assert.Equal(8, icc.N);
        Assert.Equal(3, icc.Schools);
        Assert.Equal(msb, icc.MeanSquareBetween, Tolerance);
        Assert.Equal(msw, icc.MeanSquareWithin, Tolerance);
        Assert.Equal((msb - msw) / (msb + ((k0 - 1) * msw)), icc.Icc1, Tolerance);
        Assert.Equal((msb - msw) / msb, icc.Icc2, Tolerance);
        Assert.Equal(0.808, icc.Icc2, Tolerance);
    }

    [Fact]
    public async Task AWaveWithoutResponsesHasAnEmptyIcc()
    {
        var outcome = await TestResponses.AnalyseAsync(ResponseRow.Valid(), ResponseRow.Valid("bredene-bs-01"));

        var icc = Assert.Single(outcome.Results.Intraclass, r => r.Scale.Value == "welbevinden" && r.Wave.Value == "T1");
        Assert.Equal(0, icc.N);
        Assert.Equal(0, icc.Schools);
        Assert.True(double.IsNaN(icc.Icc1));
        Assert.True(double.IsNaN(icc.Icc2));
    }

    [Fact]
    public async Task AlphaPerScaleAndWaveUsesOnlyThatWavesKeptResponsesWithRecodedItems()
    {
        // steun_leiding (gl_01..gl_05, gl_04 reverse-keyed) in T1: three respondents answer 1..5 alike on the
        // positive items and the mirrored answer on gl_04, so the recoded items are identical columns
        // x = (2, 3, 5): every item variance equals var(x) = 7/3, every covariance too, alpha = 1.
        // A T0 respondent and an excluded T1 speeder add noise that must not count.
        ResponseRow Steun(string wave, int x) => ResponseRow.Valid(wave: wave).Answers("gl", x, x, x, 6 - x, x, 3, 4, 2, 5, 1, 4, 4, 2, 5, 3);
        var outcome = await TestResponses.AnalyseAsync(
            Steun("T1", 2), Steun("T1", 3), Steun("T1", 5),
            ResponseRow.Valid(wave: "T0").Answers("gl", 1, 5, 2, 1, 4, 3, 4, 2, 5, 1, 4, 4, 2, 5, 3),
            ResponseRow.Valid(wave: "T1").Answers("gl", 1, 5, 2, 1, 4, 3, 4, 2, 5, 1, 4, 4, 2, 5, 3).Duration(3));

        var reliability = Assert.Single(outcome.Results.Reliability, r => r.Scale.Value == "steun_leiding" && r.Wave.Value == "T1");

        Assert.Equal(3, reliability.N);
        Assert.Equal(5, reliability.K);
        Assert.Equal(1, reliability.RawAlpha, Tolerance);
        Assert.Equal(1, reliability.StandardizedAlpha, Tolerance);
        Assert.Equal(1, reliability.MeanInterItemCorrelation, Tolerance);
        Assert.All(reliability.Items, i => Assert.Equal(1, i.CorrectedItemTotalCorrelation, Tolerance));
        Assert.Equal(new[] { "gl_01", "gl_02", "gl_03", "gl_04", "gl_05" }, reliability.Items.Select(i => i.Item.Value));
    }
}
