using Monitoring.Core.Privacy;
using Monitoring.Core.Results;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Aggregation;

/// <summary>
/// Aggregates, suppression and change as the pipeline computes them (docs/methods.md, "Aggregates
/// and privacy", "Change and effect sizes"), against hand calculations. Each respondent answers the
/// five welbevinden items alike, so their welbevinden score is that answer.
/// </summary>
public class AggregateTableTests
{
    private const double Tolerance = 1e-9;

    // R 4.2.2: qt(0.975, c(4, 5, 10, 15))
    private const double T4 = 2.7764451051977934;
    private const double T5 = 2.5705818356363137;
    private const double T10 = 2.2281388519862739;
    private const double T15 = 2.1314495455597751;

    private static IEnumerable<ResponseRow> Scores(string school, string wave, params int[] scores) =>
        scores.Select(s => ResponseRow.Valid(school, wave).Welbevinden(s));

    private static Aggregate Find(AnalysisOutcome outcome, AggregateLevel level, string unit, string wave, string scale = "welbevinden") =>
        Assert.Single(outcome.Results.Aggregates, a => a.Level == level && a.Unit.Value == unit && a.Wave.Value == wave && a.Scale.Value == scale);

    private static void AssertEstimate(Aggregate aggregate, int n, double mean, double sumOfSquares, double t)
    {
        Assert.False(aggregate.Suppressed);
        Assert.Equal(Disclosure.Shown, aggregate.Disclosure);
        var e = Assert.IsType<Estimate>(aggregate.Estimate);
        var sd = Math.Sqrt(sumOfSquares / (n - 1));
        var se = sd / Math.Sqrt(n);
        Assert.Equal(n, e.N);
        Assert.Equal(mean, e.Mean, Tolerance);
        Assert.Equal(sd, e.StandardDeviation, Tolerance);
        Assert.Equal(se, e.StandardError, Tolerance);
        Assert.Equal(mean - (t * se), e.Lower, Tolerance);
        Assert.Equal(mean + (t * se), e.Upper, Tolerance);
    }

    private static void AssertSuppressed(Aggregate aggregate, string reason)
    {
        Assert.True(aggregate.Suppressed);
        Assert.Equal(reason, aggregate.Disclosure switch
        {
            Disclosure.BelowThreshold => "below threshold",
            Disclosure.Complementary => "complementary",
            Disclosure.Withheld => "withheld",
            _ => null,
        });
        Assert.Null(aggregate.Estimate);
    }

    /// <summary>
    /// T0: oostende-bs-01 1 2 3 4 5 and bredene-bs-01 3 3 4 5 5 4 (network kust-en-polder, trajectory
    /// samen-scholing); kortrijk-so-01 0 1 1 1 2 (sg-leiedal, samen-leren-leiden). T1: oostende-bs-01 2 3 3 4 5 5.
    /// </summary>
    private static Task<AnalysisOutcome> ThreeSchoolsAsync() => TestResponses.AnalyseAsync(
    [
        .. Scores("oostende-bs-01", "T0", 1, 2, 3, 4, 5),
        .. Scores("bredene-bs-01", "T0", 3, 3, 4, 5, 5, 4),
        .. Scores("kortrijk-so-01", "T0", 0, 1, 1, 1, 2),
        .. Scores("oostende-bs-01", "T1", 2, 3, 3, 4, 5, 5),
    ]);

    [Fact]
    public async Task ASchoolsAggregateIsItsScoresMeanSdSeAndTInterval()
    {
        var outcome = await ThreeSchoolsAsync();

        // mean 3; squared deviations 4 + 1 + 0 + 1 + 4 = 10.
        AssertEstimate(Find(outcome, AggregateLevel.School, "oostende-bs-01", "T0"), 5, 3, 10, T4);
        // mean 24 / 6 = 4; squared deviations 1 + 1 + 0 + 1 + 1 + 0 = 4.
        AssertEstimate(Find(outcome, AggregateLevel.School, "bredene-bs-01", "T0"), 6, 4, 4, T5);
        // mean 1; squared deviations 1 + 0 + 0 + 0 + 1 = 2.
        AssertEstimate(Find(outcome, AggregateLevel.School, "kortrijk-so-01", "T0"), 5, 1, 2, T4);
    }

    [Fact]
    public async Task ANetworksAggregatePoolsTheResponsesOfItsSchools()
    {
        var outcome = await ThreeSchoolsAsync();

        // 11 scores, sum 15 + 24 = 39, sum of squares 55 + 100 = 155: SS = 155 − 39² / 11 = 184 / 11.
        AssertEstimate(Find(outcome, AggregateLevel.Network, "kust-en-polder", "T0"), 11, 39.0 / 11, 184.0 / 11, T10);
        AssertEstimate(Find(outcome, AggregateLevel.Trajectory, "samen-scholing", "T0"), 11, 39.0 / 11, 184.0 / 11, T10);
        AssertEstimate(Find(outcome, AggregateLevel.Network, "sg-leiedal", "T0"), 5, 1, 2, T4);
    }

    [Fact]
    public async Task TheStudyWideAggregatePoolsEveryResponse()
    {
        var outcome = await ThreeSchoolsAsync();

        // 16 scores, sum 44, sum of squares 155 + 7 = 162: mean 2.75, SS = 162 − 16 × 2.75² = 41.
        AssertEstimate(Find(outcome, AggregateLevel.All, "vlaamse-veerkracht-2021-2023", "T0"), 16, 2.75, 41, T15);
    }

    [Fact]
    public async Task UnitsWithoutResponsesAreSuppressedBelowThreshold()
    {
        var outcome = await ThreeSchoolsAsync();

        AssertSuppressed(Find(outcome, AggregateLevel.School, "gistel-bs-01", "T0"), "below threshold");
        AssertSuppressed(Find(outcome, AggregateLevel.Network, "westhoek-samen", "T0"), "below threshold");
        AssertSuppressed(Find(outcome, AggregateLevel.All, "vlaamse-veerkracht-2021-2023", "T2"), "below threshold");
        // Every level × unit × wave × scale is listed: (69 + 12 + 7 + 1) units × 3 waves × 10 scales.
        Assert.Equal(89 * 3 * 10, outcome.Results.Aggregates.Count);
    }

    [Fact]
    public async Task ChangeBetweenWavesMatchesRsWelchTTestAndCohensDWithThePooledSd()
    {
        var outcome = await ThreeSchoolsAsync();

        var change = Assert.Single(outcome.Results.Changes,
            c => c.Level == AggregateLevel.School && c.Unit.Value == "oostende-bs-01" && c.Scale.Value == "welbevinden" && c.From.Value == "T0" && c.To.Value == "T1");

        // R 4.2.2: a <- c(1, 2, 3, 4, 5); b <- c(2, 3, 3, 4, 5, 5)
        //   t.test(b, a)$conf.int                       -1.3491567202587571  2.6824900535920899
        //   (mean(b) - mean(a)) / sqrt((4 * var(a) + 5 * var(b)) / 9)   0.48038446141526125
        Assert.False(change.Suppressed);
        Assert.Equal(5, change.NFrom);
        Assert.Equal(6, change.NTo);
        Assert.Equal(3, change.MeanFrom!.Value, Tolerance);
        Assert.Equal(11.0 / 3, change.MeanTo!.Value, Tolerance);
        Assert.Equal(2.0 / 3, change.Difference!.Value, Tolerance);
        Assert.Equal(-1.3491567202587571, change.Lower!.Value, Tolerance);
        Assert.Equal(2.6824900535920899, change.Upper!.Value, Tolerance);
        Assert.Equal(0.48038446141526125, change.CohensD!.Value, Tolerance);
        // By hand: pooled variance (4 × 2.5 + 5 × 22/15) / 9 = 52/27.
        Assert.Equal(2.0 / 3 / Math.Sqrt(52.0 / 27), change.CohensD!.Value, Tolerance);
    }

    [Fact]
    public async Task AChangeIsSuppressedWhenEitherWaveIs()
    {
        var outcome = await ThreeSchoolsAsync();

        ChangeEstimate Change(string unit, string from, string to) => Assert.Single(outcome.Results.Changes,
            c => c.Unit.Value == unit && c.Scale.Value == "welbevinden" && c.From.Value == from && c.To.Value == to);

        foreach (var c in new[] { Change("oostende-bs-01", "T0", "T2"), Change("oostende-bs-01", "T1", "T2"), Change("bredene-bs-01", "T0", "T1") })
        {
            Assert.True(c.Suppressed);
            Assert.Null(c.Difference);
            Assert.Null(c.MeanFrom);
            Assert.Null(c.MeanTo);
            Assert.Null(c.Lower);
            Assert.Null(c.Upper);
            Assert.Null(c.CohensD);
        }
    }

    [Fact]
    public async Task ChangesCoverTheBaselineToEachLaterWaveAndEachConsecutivePair()
    {
        var outcome = await ThreeSchoolsAsync();

        var pairs = outcome.Results.Changes.Where(c => c.Unit.Value == "oostende-bs-01" && c.Scale.Value == "welbevinden")
            .Select(c => $"{c.From}-{c.To}").ToArray();

        Assert.Equal(new[] { "T0-T1", "T0-T2", "T1-T2" }, pairs);
    }

    /// <summary>
    /// T0, network kust-en-polder: 5, 4, 1, 6 and 0 responses; westhoek-samen: 2, 7, 6 and 0. T1: 5 in oostende-bs-01.
    /// </summary>
    private static Task<AnalysisOutcome> SmallSchoolsAsync() => TestResponses.AnalyseAsync(
    [
        .. Scores("oostende-bs-01", "T0", 1, 2, 3, 4, 5),
        .. Scores("bredene-bs-01", "T0", 1, 2, 3, 4),
        .. Scores("gistel-bs-01", "T0", 3),
        .. Scores("middelkerke-bs-01", "T0", 1, 2, 3, 4, 5, 5),
        .. Scores("ieper-so-01", "T0", 2, 3),
        .. Scores("poperinge-bs-01", "T0", 1, 1, 2, 2, 3, 3, 4),
        .. Scores("diksmuide-so-01", "T0", 5, 4, 3, 2, 1, 0),
        .. Scores("oostende-bs-01", "T1", 2, 2, 3, 3, 4),
    ]);

    [Fact]
    public async Task FourScoresAreSuppressedAndFiveAreShown()
    {
        var outcome = await SmallSchoolsAsync();

        AssertEstimate(Find(outcome, AggregateLevel.School, "oostende-bs-01", "T0"), 5, 3, 10, T4);
        AssertSuppressed(Find(outcome, AggregateLevel.School, "bredene-bs-01", "T0"), "below threshold");
        AssertSuppressed(Find(outcome, AggregateLevel.School, "gistel-bs-01", "T0"), "below threshold");
    }

    [Fact]
    public async Task TwoSmallSchoolsThatTogetherReachTheThresholdNeedNoFurtherSuppression()
    {
        var outcome = await SmallSchoolsAsync();

        // bredene 4 + gistel 1 = 5 hidden scores in kust-en-polder: oostende (5) and middelkerke (6) stay shown.
        Assert.False(Find(outcome, AggregateLevel.School, "oostende-bs-01", "T0").Suppressed);
        Assert.False(Find(outcome, AggregateLevel.School, "middelkerke-bs-01", "T0").Suppressed);
        Assert.Equal(16, Find(outcome, AggregateLevel.Network, "kust-en-polder", "T0").Estimate!.N);
    }

    [Fact]
    public async Task OneSmallSchoolInANetworkHidesTheSmallestOtherSchoolToo()
    {
        var outcome = await SmallSchoolsAsync();

        AssertSuppressed(Find(outcome, AggregateLevel.School, "ieper-so-01", "T0"), "below threshold");
        AssertSuppressed(Find(outcome, AggregateLevel.School, "diksmuide-so-01", "T0"), "complementary");
        Assert.False(Find(outcome, AggregateLevel.School, "poperinge-bs-01", "T0").Suppressed);
        // The network's total shows 15; minus the shown 7 leaves 8 hidden scores (≥ 5) in two schools.
        var network = Find(outcome, AggregateLevel.Network, "westhoek-samen", "T0");
        Assert.Equal(15, network.Estimate!.N);
        var hidden = network.Estimate.N - outcome.Results.Aggregates
            .Where(a => a.Level == AggregateLevel.School && a.Wave.Value == "T0" && a.Scale.Value == "welbevinden" && !a.Suppressed
                        && new[] { "ieper-so-01", "poperinge-bs-01", "diksmuide-so-01", "veurne-bs-01" }.Contains(a.Unit.Value))
            .Sum(a => a.Estimate!.N);
        Assert.True(hidden >= 5);
    }

    [Fact]
    public async Task ASchoolHiddenToProtectAnotherOnOneScaleIsHiddenOnEveryScale()
    {
        // draagkracht: bredene's four respondents leave it unanswered, so in kust-en-polder only gistel's 1 score is
        // hidden there, and oostende (5) is hidden as complementary. One decision per school-wave: oostende is hidden on
        // welbevinden and in its response count too, or its welbevinden n would stand in for its hidden draagkracht n.
        var rows = SmallSchoolRows().ToList();
        foreach (var row in rows.Where(r => r["school"] == "bredene-bs-01")) row.All("dk", null);
        var outcome = await TestResponses.AnalyseAsync([.. rows]);

        AssertSuppressed(Find(outcome, AggregateLevel.School, "bredene-bs-01", "T0", "draagkracht"), "below threshold");
        AssertSuppressed(Find(outcome, AggregateLevel.School, "oostende-bs-01", "T0", "draagkracht"), "complementary");
        AssertSuppressed(Find(outcome, AggregateLevel.School, "oostende-bs-01", "T0", "welbevinden"), "complementary");
        Assert.True(Assert.Single(outcome.Results.ResponseRates, r => r.School.Value == "oostende-bs-01" && r.Wave.Value == "T0").Suppressed);
        Assert.False(Find(outcome, AggregateLevel.School, "middelkerke-bs-01", "T0", "draagkracht").Suppressed);
        Assert.False(Find(outcome, AggregateLevel.School, "middelkerke-bs-01", "T0", "welbevinden").Suppressed);
    }

    private static IEnumerable<ResponseRow> SmallSchoolRows() =>
    [
        .. Scores("oostende-bs-01", "T0", 1, 2, 3, 4, 5),
        .. Scores("bredene-bs-01", "T0", 1, 2, 3, 4),
        .. Scores("gistel-bs-01", "T0", 3),
        .. Scores("middelkerke-bs-01", "T0", 1, 2, 3, 4, 5, 5),
    ];

    [Fact]
    public async Task AChangeOfAShownSchoolIsSuppressedWhenTheOtherWaveIsBelowThreshold()
    {
        var outcome = await SmallSchoolsAsync();

        var shown = Assert.Single(outcome.Results.Changes, c => c.Unit.Value == "oostende-bs-01" && c.Scale.Value == "welbevinden" && c.From.Value == "T0" && c.To.Value == "T1");
        var suppressed = Assert.Single(outcome.Results.Changes, c => c.Unit.Value == "middelkerke-bs-01" && c.Scale.Value == "welbevinden" && c.From.Value == "T0" && c.To.Value == "T1");

        Assert.False(shown.Suppressed);
        Assert.Equal(5, shown.NTo);
        Assert.Equal(-0.2, shown.Difference!.Value, 1e-6);
        Assert.True(suppressed.Suppressed);
        Assert.Null(suppressed.Difference);
    }

    [Fact]
    public async Task IntervalsUseTheStudysConfidenceLevel()
    {
        using var copy = TestStudy.Copy().EditStudy(s => s["analysis"]!["confidenceLevel"] = 0.9);
        var study = await copy.LoadAsync();

        var outcome = await TestResponses.AnalyseAsync(study, [.. Scores("oostende-bs-01", "T0", 1, 2, 3, 4, 5), .. Scores("oostende-bs-01", "T1", 2, 3, 3, 4, 5, 5)]);

        // R 4.2.2: qt(0.95, 4) = 2.131846786326649
        AssertEstimate(Find(outcome, AggregateLevel.School, "oostende-bs-01", "T0"), 5, 3, 10, 2.131846786326649);
        // R 4.2.2: t.test(c(2, 3, 3, 4, 5, 5), c(1, 2, 3, 4, 5), conf.level = 0.9)$conf.int
        var change = Assert.Single(outcome.Results.Changes,
            c => c.Level == AggregateLevel.School && c.Unit.Value == "oostende-bs-01" && c.Scale.Value == "welbevinden" && c.From.Value == "T0" && c.To.Value == "T1");
        Assert.Equal(-0.95345329000079804, change.Lower!.Value, Tolerance);
        Assert.Equal(2.28678662333413074, change.Upper!.Value, Tolerance);
    }

    [Fact]
    public async Task ASuppressedSchoolCannotBeRecoveredFromAHigherTotalAndTheShownSchoolsOfAnotherNetwork()
    {
        // samen-scholing's networks: kust-en-polder with oostende (3 scores: suppressed, and so is the network) and
        // westhoek-samen with ieper (6 scores), whose network is hidden as complementary. If ieper stayed shown,
        // the trajectory's 9 minus ieper's 6 would give away oostende's 3 (and their mean).
        var outcome = await TestResponses.AnalyseAsync([.. Scores("oostende-bs-01", "T0", 1, 2, 3), .. Scores("ieper-so-01", "T0", 1, 2, 3, 4, 5, 5)]);

        AssertSuppressed(Find(outcome, AggregateLevel.School, "oostende-bs-01", "T0"), "below threshold");
        AssertSuppressed(Find(outcome, AggregateLevel.Network, "kust-en-polder", "T0"), "below threshold");
        AssertSuppressed(Find(outcome, AggregateLevel.Network, "westhoek-samen", "T0"), "complementary");
        Assert.Equal(9, Find(outcome, AggregateLevel.Trajectory, "samen-scholing", "T0").Estimate!.N);
        AssertSuppressed(Find(outcome, AggregateLevel.School, "ieper-so-01", "T0"), "complementary");
        AssertNothingRecoverableByDifferencing(outcome, await TestStudy.SampleAsync());
    }

    [Fact]
    public async Task NoSuppressedScoresCanBeRecoveredByDifferencingInTheSmallSchoolsScenario()
    {
        AssertNothingRecoverableByDifferencing(await SmallSchoolsAsync(), await TestStudy.SampleAsync());
    }

    /// <summary>
    /// For every shown unit and every lower level, its n minus the n of its shown descendants at that level is 0 or at
    /// least the threshold: no shown total minus shown parts isolates fewer than 5 hidden scores.
    /// </summary>
    internal static void AssertNothingRecoverableByDifferencing(AnalysisOutcome outcome, Monitoring.Core.Studies.Study study, int threshold = 5)
    {
        string Network(string school) => study.NetworkOf(new Monitoring.Core.Studies.SchoolId(school))!.Id.Value;
        string Trajectory(string network) => study.FindNetwork(new Monitoring.Core.Studies.NetworkId(network))!.Trajectory.Value;
        string? Parent(AggregateLevel level, string unit, AggregateLevel ancestor) => (level, ancestor) switch
        {
            (_, AggregateLevel.All) => study.Id.Value,
            (AggregateLevel.School, AggregateLevel.Network) => Network(unit),
            (AggregateLevel.School, AggregateLevel.Trajectory) => Trajectory(Network(unit)),
            (AggregateLevel.Network, AggregateLevel.Trajectory) => Trajectory(unit),
            _ => null,
        };
        foreach (var group in outcome.Results.Aggregates.GroupBy(a => (a.Wave, a.Scale)))
            foreach (var total in group.Where(a => !a.Suppressed && a.Level != AggregateLevel.School))
                foreach (var level in new[] { AggregateLevel.School, AggregateLevel.Network, AggregateLevel.Trajectory }.Where(l => l < total.Level))
                {
                    var shown = group.Where(a => a.Level == level && !a.Suppressed && Parent(level, a.Unit.Value, total.Level) == total.Unit.Value).Sum(a => a.Estimate!.N);
                    var hidden = total.Estimate!.N - shown;
                    Assert.True(hidden == 0 || hidden >= threshold,
                        $"{total.Level} {total.Unit} ({total.Wave}, {total.Scale}): n {total.Estimate.N} minus its shown {level}s leaves {hidden} hidden scores");
                }
    }
}
