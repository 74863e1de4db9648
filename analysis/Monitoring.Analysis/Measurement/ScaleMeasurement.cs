namespace Monitoring.Analysis.Measurement;

/// <summary>
/// The factor analyses of one scale: its one-factor model per wave and the configural, metric and scalar
/// models across the waves as independent groups (null where too few complete cases or no convergence).
/// </summary>
/// <param name="Scale">Index of the scale in the study's scales.</param>
/// <param name="ByWave">One-factor fit per wave, in the study's wave order.</param>
/// <param name="Waves">Indices of the waves in the invariance models (those with a fit).</param>
/// <param name="Configural">Same model in every wave.</param>
/// <param name="Metric">Equal loadings.</param>
/// <param name="Scalar">Equal loadings and intercepts.</param>
/// <param name="ItemMeans">Per wave, the complete cases' item means.</param>
public sealed record ScaleMeasurement(int Scale, IReadOnlyList<CfaFit?> ByWave, IReadOnlyList<int> Waves,
    CfaFit? Configural, CfaFit? Metric, CfaFit? Scalar, IReadOnlyList<IReadOnlyList<double>> ItemMeans)
{
    /// <summary>McDonald's ω total of the one-factor fit in a wave: (Σλ)²φ / ((Σλ)²φ + Σθ); NaN without a fit.</summary>
    public double Omega(int wave) => ByWave[wave] is { Converged: true } fit ? OmegaOf(fit) : double.NaN;

    private static double OmegaOf(CfaFit fit)
    {
        double loadings = 0, residuals = 0, variance = 0;
        foreach (var p in fit.Parameters)
        {
            if (p.Operator == "=~")
            {
                loadings += p.Estimate;
            }
            else if (p.Operator == "~~" && p.Left == p.Right)
            {
                if (fit.Model.Factors.Any(f => f.Name == p.Left))
                {
                    variance = p.Estimate;
                }
                else
                {
                    residuals += p.Estimate;
                }
            }
        }

        double common = loadings * loadings * variance;
        return common / (common + residuals);
    }
}
