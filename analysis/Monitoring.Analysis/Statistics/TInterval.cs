using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;

namespace Monitoring.Analysis.Statistics;

/// <summary>Two-sided Student-t quantiles for confidence intervals.</summary>
/// <remarks>
/// MathNet's <see cref="StudentT.InvCDF"/> finds the root of the CDF by bracketing, about 40 µs a call:
/// too slow for the ~500,000 Welch intervals of a million-response run. So the quantile starts from
/// the Cornish–Fisher expansion around the normal quantile and takes Newton steps on MathNet's own
/// <see cref="StudentT.CDF"/> and <see cref="StudentT.PDF"/> until the step is below 1e-13 (2–3 steps);
/// whole degrees of freedom (the descriptives' n − 1) are cached. Below 1 degree of freedom, or if Newton
/// does not settle, it falls back to <see cref="StudentT.InvCDF"/>. A test checks both against each other.
/// </remarks>
internal static class TInterval
{
    private static readonly ConcurrentDictionary<(double Level, int Df), double> Whole = new();

    /// <summary>Throws when <paramref name="confidenceLevel"/> is not strictly between 0 and 1.</summary>
    public static void ValidateLevel(double confidenceLevel, string paramName)
    {
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(
                paramName, confidenceLevel, "The confidence level must lie strictly between 0 and 1.");
        }
    }

    /// <summary><c>t_{(1 + level) / 2, df}</c>; NaN when df is not positive and finite.</summary>
    public static double Quantile(double confidenceLevel, double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0 && double.IsFinite(degreesOfFreedom))) return double.NaN;
        if (degreesOfFreedom == Math.Floor(degreesOfFreedom) && degreesOfFreedom <= int.MaxValue)
            return Whole.GetOrAdd((confidenceLevel, (int)degreesOfFreedom), key => Compute(key.Level, key.Df));
        return Compute(confidenceLevel, degreesOfFreedom);
    }

    /// <summary>The quantile by Newton's method from a Cornish–Fisher start; exposed for the test against InvCDF.</summary>
    internal static double Compute(double confidenceLevel, double df)
    {
        var p = 0.5 + (confidenceLevel / 2);
        if (df < 1) return StudentT.InvCDF(0, 1, df, p);
        var z = Normal.InvCDF(0, 1, p);
        double z2 = z * z, z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2;
        var t = z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
              + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df);
        for (var i = 0; i < 12; i++)
        {
            var step = (StudentT.CDF(0, 1, df, t) - p) / StudentT.PDF(0, 1, df, t);
            if (!double.IsFinite(step)) break;
            t -= step;
            if (Math.Abs(step) <= 1e-13 * Math.Max(1, Math.Abs(t))) return t;
        }
        return StudentT.InvCDF(0, 1, df, p);
    }
}
