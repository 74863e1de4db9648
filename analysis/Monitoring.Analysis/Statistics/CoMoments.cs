namespace Monitoring.Analysis.Statistics;

/// <summary>
/// Count, means, sums of squared deviations and the sum of cross-products of pairs (x = earlier, y = later), kept
/// by Welford's update and pooled exactly (Chan, Golub and LeVeque 1979), so that network, trajectory and study
/// pairs need no second pass over the responses.
/// </summary>
internal readonly record struct CoMoments(int N, double MeanX, double MeanY, double SumOfSquaresX, double SumOfSquaresY, double SumOfProducts)
{
    public static readonly CoMoments Empty = new(0, 0, 0, 0, 0, 0);

    /// <summary>These moments with one more pair.</summary>
    public CoMoments Add(double x, double y)
    {
        var n = N + 1;
        var dx = x - MeanX;
        var dy = y - MeanY;
        var mx = MeanX + (dx / n);
        var my = MeanY + (dy / n);
        return new CoMoments(n, mx, my, SumOfSquaresX + (dx * (x - mx)), SumOfSquaresY + (dy * (y - my)), SumOfProducts + (dx * (y - my)));
    }

    /// <summary>The moments of two disjoint sets of pairs together.</summary>
    public static CoMoments Combine(CoMoments a, CoMoments b)
    {
        if (a.N == 0) return b;
        if (b.N == 0) return a;
        var n = a.N + b.N;
        var dx = b.MeanX - a.MeanX;
        var dy = b.MeanY - a.MeanY;
        var w = (double)a.N * b.N / n;
        return new CoMoments(n, a.MeanX + (dx * b.N / n), a.MeanY + (dy * b.N / n),
            a.SumOfSquaresX + b.SumOfSquaresX + (dx * dx * w), a.SumOfSquaresY + b.SumOfSquaresY + (dy * dy * w),
            a.SumOfProducts + b.SumOfProducts + (dx * dy * w));
    }

    /// <summary>Pearson's r of the pairs; NaN when n &lt; 2 or either side has no spread.</summary>
    public double Correlation => N >= 2 && SumOfSquaresX > 0 && SumOfSquaresY > 0
        ? SumOfProducts / Math.Sqrt(SumOfSquaresX * SumOfSquaresY)
        : double.NaN;
}
