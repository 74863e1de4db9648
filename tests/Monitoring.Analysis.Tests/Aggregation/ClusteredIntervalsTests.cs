using System.Globalization;
using Monitoring.Core.Results;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Aggregation;

/// <summary>
/// The cluster-aware interval of a network mean (docs/methods.md, "Clustering"), recomputed here from the raw scores:
/// Kish's design effect from the schools' sizes and the study's ICC(1), the i.i.d.
/// standard error times √deff, a t interval with schools − 1 degrees of freedom.
/// </summary>
public class ClusteredIntervalsTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public async Task ANetworksClusteredIntervalIsTheIidOneWidenedByKishsDesignEffect()
    {
        // Two schools of one network that differ (ICC(1) > 0), in waves T0 and T1.
        string[][] rows =
        [
            .. new[] { 1, 2, 2, 3, 3, 2 }.Select(v => new[] { "oostende-bs-01", "T0", "", $"{v}" }),
            .. new[] { 4, 5, 5, 4, 5, 4, 3 }.Select(v => new[] { "bredene-bs-01", "T0", "", $"{v}" }),
            .. new[] { 2, 2, 3, 3, 4, 2, 1, 3 }.Select(v => new[] { "oostende-bs-01", "T1", "", $"{v}" }),
            .. new[] { 4, 4, 5, 3, 5 }.Select(v => new[] { "bredene-bs-01", "T1", "", $"{v}" }),
        ];
        var outcome = await TestResponses.AnalyseAsync([.. rows.Select(c => ResponseRow.Valid(c[0], c[1]).Welbevinden(int.Parse(c[3], CultureInfo.InvariantCulture)))]);

        foreach (var wave in new[] { "T0", "T1" })
        {
            var inWave = rows.Where(c => c[1] == wave).ToArray();
            var scores = inWave.Select(c => double.Parse(c[3], CultureInfo.InvariantCulture)).ToArray();
            var sizes = inWave.GroupBy(c => c[0]).Select(g => (double)g.Count()).ToArray();
            double n = scores.Length, mean = scores.Average();
            var variance = scores.Sum(v => (v - mean) * (v - mean)) / (n - 1);
            var icc = Math.Max(0, Assert.Single(outcome.Results.Intraclass, r => r.Scale.Value == "welbevinden" && r.Wave.Value == wave).Icc1);
            var deff = 1 + ((sizes.Sum(m => m * m) / n) - 1) * icc;
            var se = Math.Sqrt(variance / n * deff);
            const double T1 = 12.706204736174694; // R: qt(0.975, 1), two schools

            var c = Assert.Single(outcome.Results.Clustered, e => e.Level == AggregateLevel.Network && e.Unit.Value == "kust-en-polder" && e.Wave.Value == wave && e.Scale.Value == "welbevinden");
            Assert.False(c.Suppressed);
            Assert.Equal(2, c.Schools);
            Assert.True(deff > 1.5);
            Assert.Equal(deff, c.DesignEffect!.Value, Tolerance);
            Assert.Equal(se, c.StandardError!.Value, Tolerance);
            Assert.Equal(mean - (T1 * se), c.Lower!.Value, Tolerance);
            Assert.Equal(mean + (T1 * se), c.Upper!.Value, Tolerance);
        }
        Assert.DoesNotContain(outcome.Results.Clustered, e => e.Level == AggregateLevel.School);
    }
}
