using MathNet.Numerics;

namespace Monitoring.Analysis.Statistics;

/// <summary>
/// Hedges' small-sample correction of a standardized mean difference, the exact factor
/// <c>J(df) = Γ(df/2) / (sqrt(df/2) · Γ((df − 1)/2))</c> (Hedges 1981; Hedges and Olkin 1985, eq. 5.7), through the
/// log-gamma function so that large df do not overflow. <c>J(df) ≈ 1 − 3/(4·df − 1)</c>.
/// </summary>
internal static class HedgesCorrection
{
    /// <summary>J(df); NaN when df ≤ 1 (the factor is undefined there).</summary>
    public static double Factor(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 1) || !double.IsFinite(degreesOfFreedom)) return double.NaN;
        var half = degreesOfFreedom / 2;
        return Math.Exp(SpecialFunctions.GammaLn(half) - SpecialFunctions.GammaLn(half - 0.5) - (0.5 * Math.Log(half)));
    }
}
