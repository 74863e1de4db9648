using MathNet.Numerics;

namespace Monitoring.Analysis.Measurement;

/// <summary>
/// The distribution function of the noncentral χ² (R's <c>pchisq(x, df, ncp)</c>), which MathNet lacks:
/// the Poisson mixture Σⱼ e^(−λ/2) (λ/2)ʲ / j! · P(df/2 + j, x/2) (P the regularized lower incomplete gamma),
/// summed outward from the Poisson mode until the weights are negligible. One incomplete gamma at the mode;
/// the others by the recurrence P(a + 1, y) = P(a, y) − yᵃ e^(−y) / Γ(a + 1), so a large noncentrality
/// (a misfitting model on a million responses) costs O(√λ) multiplications.
/// </summary>
internal static class NoncentralChiSquare
{
    private const double Negligible = 1e-17;

    public static double Cdf(double x, double df, double noncentrality)
    {
        if (x <= 0)
        {
            return 0;
        }

        double y = x / 2, half = noncentrality / 2, a0 = df / 2;
        if (half <= 0)
        {
            return SpecialFunctions.GammaLowerRegularized(a0, y);
        }

        int mode = (int)Math.Floor(half);
        double modeA = a0 + mode;
        double modeWeight = Math.Exp(-half + (mode * Math.Log(half)) - SpecialFunctions.GammaLn(mode + 1.0));
        double modeP = SpecialFunctions.GammaLowerRegularized(modeA, y);
        double modeTerm = Math.Exp((modeA * Math.Log(y)) - y - SpecialFunctions.GammaLn(modeA + 1)); // yᵃ e^(−y) / Γ(a + 1)
        double sum = modeWeight * modeP;

        // Upward: j = mode + 1, …
        double weight = modeWeight, p = modeP, term = modeTerm;
        for (int j = mode + 1; ; j++)
        {
            double a = a0 + j - 1; // term belongs to a
            p -= term;
            term *= y / (a + 1);
            weight *= half / j;
            sum += weight * Math.Max(p, 0);
            if (weight < Negligible || p <= 0)
            {
                break;
            }
        }

        // Downward: j = mode − 1, …, 0, with P(a − 1, y) = P(a, y) + y^(a−1) e^(−y) / Γ(a).
        weight = modeWeight;
        p = modeP;
        term = modeTerm * (modeA / y); // y^(a−1) e^(−y) / Γ(a) at a = modeA
        for (int j = mode - 1; j >= 0; j--)
        {
            double a = a0 + j + 1;
            p += term;
            term *= (a - 1) / y;
            weight *= (j + 1) / half;
            sum += weight * Math.Min(p, 1);
            if (weight < Negligible)
            {
                break;
            }
        }

        return Math.Min(1, sum);
    }
}
