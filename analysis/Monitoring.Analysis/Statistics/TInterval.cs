using MathNet.Numerics.Distributions;

namespace Monitoring.Analysis.Statistics;

/// <summary>Two-sided Student-t quantiles for confidence intervals.</summary>
internal static class TInterval
{
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
    public static double Quantile(double confidenceLevel, double degreesOfFreedom) =>
        degreesOfFreedom > 0 && double.IsFinite(degreesOfFreedom)
            ? StudentT.InvCDF(0, 1, degreesOfFreedom, 0.5 + (confidenceLevel / 2))
            : double.NaN;
}
