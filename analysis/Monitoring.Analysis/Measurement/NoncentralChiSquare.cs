using MathNet.Numerics;

namespace Monitoring.Analysis.Measurement;

/// <summary>
/// The distribution function of the noncentral χ² (R's <c>pchisq(x, df, ncp)</c>), which MathNet lacks:
/// the Poisson mixture Σⱼ e^(−λ/2) (λ/2)ʲ / j! · P(χ²(df + 2j) ≤ x), summed outward from the Poisson mode
/// until the weights are negligible.
/// </summary>
internal static class NoncentralChiSquare
{
    public static double Cdf(double x, double df, double noncentrality)
    {
        if (x <= 0)
        {
            return 0;
        }

        double half = noncentrality / 2;
        if (half <= 0)
        {
            return SpecialFunctions.GammaLowerRegularized(df / 2, x / 2);
        }

        int mode = (int)Math.Floor(half);
        double sum = 0;
        for (int j = mode; ; j++)
        {
            double weight = PoissonWeight(j, half);
            sum += weight * SpecialFunctions.GammaLowerRegularized((df / 2) + j, x / 2);
            if (weight < 1e-17 && j > mode)
            {
                break;
            }
        }

        for (int j = mode - 1; j >= 0; j--)
        {
            double weight = PoissonWeight(j, half);
            sum += weight * SpecialFunctions.GammaLowerRegularized((df / 2) + j, x / 2);
            if (weight < 1e-17)
            {
                break;
            }
        }

        return Math.Min(1, sum);
    }

    private static double PoissonWeight(int j, double mean) =>
        Math.Exp(-mean + (j * Math.Log(mean)) - SpecialFunctions.GammaLn(j + 1.0));
}
