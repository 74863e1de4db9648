using Monitoring.Core.Instruments;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;

namespace Monitoring.Profiles.Points;

/// <summary>
/// Reliability-adjusted school means (empirical Bayes; Raudenbush and Bryk 2002, §3.2): each school × wave mean on a
/// leaf scale is drawn toward the wave's study mean by its reliability <c>λ = τ²/(τ² + σ²/n) = n·ICC/(1 + (n − 1)·ICC)</c>,
/// with ICC(1) of the scale in that wave (truncated at 0) and the school's n valid scores: <c>ȳ* = μ̂ + λ·(ȳ − μ̂)</c>, where
/// <c>μ̂ = Σ λ·ȳ / Σ λ</c> is the precision-weighted mean of the wave's school means. A school of 8 respondents at
/// ICC 0.2 keeps 67 % of its deviation, one of 40 keeps 91 %: noisy small schools no longer sit far out as if exact.
/// </summary>
internal static class Shrinkage
{
    /// <summary>Replaces the means of <paramref name="mean"/> ([wave × schools + school] × leaves + leaf) in place; cells without a finite mean and n ≥ 1 are left alone.</summary>
    /// <param name="exponent">1 for the empirical-Bayes means (deviation × λ); 0.5 for the deviation × √λ, whose variance
    /// λ·(τ² + σ²/n) = τ² is the same for every school when there are no profiles (the points the choice of k is made on).</param>
    public static void Apply(Study study, Scale[] leaves, IReadOnlyList<IntraclassResult> intraclass, double[] mean, int[] count, double exponent)
    {
        var schools = study.Schools.Count;
        var d = leaves.Length;
        for (var w = 0; w < study.Waves.Count; w++)
            for (var l = 0; l < d; l++)
            {
                var icc = Icc(intraclass, leaves[l].Id, study.Waves[w].Id);
                if (icc is not { } rho) continue;
                rho = Math.Max(0, rho);
                double weighted = 0, weights = 0, plain = 0;
                var cells = 0;
                for (var s = 0; s < schools; s++)
                {
                    var at = ((w * schools) + s) * d + l;
                    if (count[at] < 1 || !double.IsFinite(mean[at])) continue;
                    var lambda = Reliability(count[at], rho);
                    weighted += lambda * mean[at];
                    weights += lambda;
                    plain += mean[at];
                    cells++;
                }
                if (cells == 0) continue;
                var centre = weights > 0 ? weighted / weights : plain / cells;
                for (var s = 0; s < schools; s++)
                {
                    var at = ((w * schools) + s) * d + l;
                    if (count[at] < 1 || !double.IsFinite(mean[at])) continue;
                    mean[at] = centre + (Math.Pow(Reliability(count[at], rho), exponent) * (mean[at] - centre));
                }
            }
    }

    /// <summary>The reliability of a mean of <paramref name="n"/> scores at intraclass correlation <paramref name="icc"/> (Spearman–Brown).</summary>
    public static double Reliability(int n, double icc) => icc <= 0 ? 0 : n * icc / (1 + ((n - 1) * icc));

    private static double? Icc(IReadOnlyList<IntraclassResult> intraclass, ScaleId scale, WaveId wave)
    {
        foreach (var r in intraclass)
            if (r.Scale == scale && r.Wave == wave) return double.IsFinite(r.Icc1) ? r.Icc1 : null;
        return null;
    }
}
