using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.RootFinding;

namespace Monitoring.Analysis.Measurement;

/// <summary>
/// lavaan 0.6's <c>fitMeasures()</c> for ML on complete data: χ² = Σ_g n_g F_g; the independence baseline
/// (diagonal Σ, saturated means); CFI and TLI; RMSEA = √max(0, χ²/(N·df) − 1/N) · √G with its 90 % interval
/// from the noncentral χ²; SRMR as Bentler's standardized residuals (means included with a mean structure),
/// weighted by n_g / N.
/// </summary>
internal static class FitStatistics
{
    public static FitIndices Compute(CfaObjective objective, Vector<double> x)
    {
        int p = objective.ItemCount;
        double n = objective.Total;
        int groups = objective.GroupCount;
        double chiSquare = 0, baseline = 0, srmr = 0;
        for (int g = 0; g < groups; g++)
        {
            var m = objective.Matrices(x, g);
            var s = objective.SampleCovariances[g];
            var ybar = objective.SampleMeans[g];
            var cholesky = m.Sigma.Cholesky();
            var d = ybar - m.Mu;
            double fit = cholesky.DeterminantLn + cholesky.Solve(s).Trace() - objective.SampleLogDeterminants[g] - p
                + (objective.MeanStructure ? d.DotProduct(cholesky.Solve(d)) : 0);
            chiSquare += objective.Counts[g] * fit;
            double logDiagonal = 0;
            for (int i = 0; i < p; i++)
            {
                logDiagonal += Math.Log(s[i, i]);
            }

            baseline += objective.Counts[g] * (logDiagonal - objective.SampleLogDeterminants[g]);
            srmr += objective.Counts[g] / n * Srmr(s, ybar, m, objective.MeanStructure);
        }

        int df = objective.Statistics - objective.FreeCount;
        int baselineDf = groups * p * (p - 1) / 2;
        chiSquare = Math.Max(0, chiSquare);
        double pValue = df > 0 ? SpecialFunctions.GammaUpperRegularized(df / 2.0, chiSquare / 2) : double.NaN;
        double t1 = Math.Max(chiSquare - df, 0);
        double t2 = Math.Max(Math.Max(chiSquare - df, baseline - baselineDf), 0);
        double cfi = t1 == 0 && t2 == 0 ? 1 : 1 - (t1 / t2);
        double tliDenominator = (baseline / baselineDf) - 1;
        double tli = df > 0 && tliDenominator != 0 ? ((baseline / baselineDf) - (chiSquare / df)) / tliDenominator : 1;
        double rmsea = df > 0 ? Math.Sqrt(Math.Max((chiSquare / n / df) - (1 / n), 0)) * Math.Sqrt(groups) : 0;
        var (lower, upper) = RmseaInterval(chiSquare, df, n, groups);
        return new FitIndices(chiSquare, df, pValue, baseline, baselineDf, cfi, tli, rmsea, lower, upper, srmr);
    }

    private static double Srmr(Matrix<double> s, Vector<double> ybar, GroupMatrices m, bool meanStructure)
    {
        int p = s.RowCount;
        double sum = 0;
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double r = (s[i, j] - m.Sigma[i, j]) / Math.Sqrt(s[i, i] * s[j, j]);
                sum += r * r;
            }
        }

        int count = p * (p + 1) / 2;
        if (meanStructure)
        {
            for (int i = 0; i < p; i++)
            {
                double r = (ybar[i] - m.Mu[i]) / Math.Sqrt(s[i, i]);
                sum += r * r;
            }

            count += p;
        }

        return Math.Sqrt(sum / count);
    }

    /// <summary>lavaan's interval: the noncentralities where P(χ²(df, λ) ≤ χ²) is 0.95 and 0.05.</summary>
    private static (double Lower, double Upper) RmseaInterval(double chiSquare, int df, double n, int groups)
    {
        if (df < 1)
        {
            return (0, 0);
        }

        double Probability(double lambda) => NoncentralChiSquare.Cdf(chiSquare, df, lambda);
        double lower = 0;
        if (Probability(0) - 0.95 >= 0)
        {
            double lambda = Brent.FindRoot(l => Probability(l) - 0.95, 0, chiSquare, 1e-10, 200);
            lower = Math.Sqrt(lambda / (n * df)) * Math.Sqrt(groups);
        }

        double top = Math.Max(n, chiSquare * 4);
        double upper = 0;
        if (!(Probability(top) - 0.05 > 0 || Probability(0) - 0.05 < 0))
        {
            double lambda = Brent.FindRoot(l => Probability(l) - 0.05, 0, top, 1e-10, 200);
            upper = Math.Sqrt(lambda / (n * df)) * Math.Sqrt(groups);
        }

        return (lower, upper);
    }
}
