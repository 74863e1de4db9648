namespace Monitoring.Profiles.Clustering;

/// <summary>
/// A Gaussian mixture with one full covariance shared by the components (mclust's "EEE"; Fraley and Raftery 2002),
/// fitted by EM from a hard partition (the k-means solution of that k), and its BIC in mclust's sign convention,
/// <c>BIC = 2·log L − p·ln n</c> with <c>p = k·d + (k − 1) + d(d + 1)/2</c>: higher is better. With k = 1 it is one
/// normal with the points' mean and (n-denominator) covariance. Equal spread in every cluster is what k-means assumes;
/// the full covariance lets correlated scales (subscales of one instrument) count once rather than as separate evidence.
/// </summary>
internal static class GaussianMixture
{
    /// <summary>EM stops when log L improves by less than this (relative), or after <see cref="MaxIterations"/>.</summary>
    public const double Tolerance = 1e-8;

    public const int MaxIterations = 100;

    /// <summary>The fit of one k.</summary>
    /// <param name="LogLikelihood">log L at convergence.</param>
    /// <param name="Bic">2·log L − p·ln n.</param>
    /// <param name="Iterations">EM iterations run.</param>
    public readonly record struct Fit(double LogLikelihood, double Bic, int Iterations);

    /// <summary>Fits the mixture of <paramref name="k"/> components to the n × d points <paramref name="x"/>, starting from <paramref name="labels"/> (0..k−1).</summary>
    public static Fit Estimate(double[] x, int d, int[] labels, int k)
    {
        var n = x.Length / d;
        var means = new double[k * d];
        var weights = new double[k];
        var covariance = new double[d * d];
        var r = new double[n * k];
        for (var i = 0; i < n; i++) r[(i * k) + labels[i]] = 1;
        MStep(x, d, k, r, means, weights, covariance);
        var logL = double.NegativeInfinity;
        var iterations = 0;
        var logDensity = new double[k];
        while (iterations < MaxIterations)
        {
            iterations++;
            var next = EStep(x, d, k, means, weights, covariance, r, logDensity);
            var converged = next - logL <= Tolerance * Math.Abs(next);
            logL = next;
            if (converged) break;
            MStep(x, d, k, r, means, weights, covariance);
        }
        var parameters = (k * d) + (k - 1) + (d * (d + 1) / 2);
        return new Fit(logL, (2 * logL) - (parameters * Math.Log(n)), iterations);
    }

    private static double EStep(double[] x, int d, int k, double[] means, double[] weights, double[] covariance, double[] r, double[] logDensity)
    {
        var n = x.Length / d;
        var cholesky = Cholesky(covariance, d, out var logDeterminant);
        var constant = -0.5 * ((d * Math.Log(2 * Math.PI)) + logDeterminant);
        var e = new double[d];
        double logL = 0;
        for (var i = 0; i < n; i++)
        {
            var max = double.NegativeInfinity;
            for (var c = 0; c < k; c++)
            {
                if (weights[c] <= 0)
                {
                    logDensity[c] = double.NegativeInfinity;
                    continue;
                }
                // Mahalanobis distance by forward substitution: L z = x − μ, q = |z|².
                double q = 0;
                for (var a = 0; a < d; a++)
                {
                    var v = x[(i * d) + a] - means[(c * d) + a];
                    for (var b = 0; b < a; b++) v -= cholesky[(a * d) + b] * e[b];
                    e[a] = v / cholesky[(a * d) + a];
                    q += e[a] * e[a];
                }
                logDensity[c] = Math.Log(weights[c]) + constant - (0.5 * q);
                if (logDensity[c] > max) max = logDensity[c];
            }
            double sum = 0;
            for (var c = 0; c < k; c++) sum += Math.Exp(logDensity[c] - max);
            var logSum = max + Math.Log(sum);
            logL += logSum;
            for (var c = 0; c < k; c++) r[(i * k) + c] = Math.Exp(logDensity[c] - logSum);
        }
        return logL;
    }

    private static void MStep(double[] x, int d, int k, double[] r, double[] means, double[] weights, double[] covariance)
    {
        var n = x.Length / d;
        Array.Clear(means);
        Array.Clear(weights);
        Array.Clear(covariance);
        for (var i = 0; i < n; i++)
            for (var c = 0; c < k; c++)
            {
                var ric = r[(i * k) + c];
                if (ric == 0) continue;
                weights[c] += ric;
                for (var l = 0; l < d; l++) means[(c * d) + l] += ric * x[(i * d) + l];
            }
        for (var c = 0; c < k; c++)
            if (weights[c] > 0)
                for (var l = 0; l < d; l++) means[(c * d) + l] /= weights[c];
        var e = new double[d];
        for (var i = 0; i < n; i++)
            for (var c = 0; c < k; c++)
            {
                var ric = r[(i * k) + c];
                if (ric == 0) continue;
                for (var l = 0; l < d; l++) e[l] = x[(i * d) + l] - means[(c * d) + l];
                for (var a = 0; a < d; a++)
                    for (var b = 0; b <= a; b++) covariance[(a * d) + b] += ric * e[a] * e[b];
            }
        for (var a = 0; a < d; a++)
            for (var b = 0; b <= a; b++)
            {
                covariance[(a * d) + b] /= n;
                covariance[(b * d) + a] = covariance[(a * d) + b];
            }
        for (var c = 0; c < k; c++) weights[c] /= n;
    }

    /// <summary>The lower Cholesky factor of a d × d covariance (a tiny ridge keeps a singular one, e.g. from identical points, factorable).</summary>
    private static double[] Cholesky(double[] covariance, int d, out double logDeterminant)
    {
        var l = new double[d * d];
        logDeterminant = 0;
        for (var a = 0; a < d; a++)
            for (var b = 0; b <= a; b++)
            {
                var sum = covariance[(a * d) + b];
                for (var m = 0; m < b; m++) sum -= l[(a * d) + m] * l[(b * d) + m];
                if (a == b)
                {
                    var diagonal = Math.Sqrt(Math.Max(sum, 1e-12));
                    l[(a * d) + a] = diagonal;
                    logDeterminant += 2 * Math.Log(diagonal);
                }
                else l[(a * d) + b] = sum / l[(b * d) + b];
            }
        return l;
    }
}
