using Monitoring.Analysis.Statistics;

namespace Monitoring.Analysis.Aggregation;

/// <summary>Pools the moments of disjoint groups exactly (Chan, Golub and LeVeque 1979), so higher levels need no second pass over responses.</summary>
internal static class MomentsMerge
{
    public static Moments Combine(Moments a, Moments b)
    {
        if (a.N == 0) return b;
        if (b.N == 0) return a;
        var n = a.N + b.N;
        var delta = b.Mean - a.Mean;
        return new Moments(n, a.Mean + delta * b.N / n, a.SumOfSquares + b.SumOfSquares + delta * delta * a.N * b.N / n);
    }

    public static readonly Moments Empty = new(0, double.NaN, double.NaN);
}
