using System.Runtime.CompilerServices;

namespace Monitoring.Profiles.Clustering;

/// <summary>
/// k-means on a few hundred weighted points: k-means++ seeding (Arthur and Vassilvitskii, 2007), then Lloyd's
/// iterations until no point changes cluster or the objective (the weighted within-cluster sum of squares) stops
/// improving. The bootstrap refits use it: a resample drawn with replacement is its distinct points weighted by how
/// often each was drawn, and there are a hundred or more refits, for which ML.NET's cost per fit would dominate the
/// profile step. Deterministic: the only randomness is <c>random</c>, which the caller seeds.
/// </summary>
internal static class WeightedKMeans
{
    /// <summary>At most this many Lloyd's iterations, as for the ML.NET fits.</summary>
    public const int MaximumIterations = KMeansFitter.MaximumIterations;

    /// <summary>The iterations also stop when the objective improves by less than this share, as for the ML.NET fits.</summary>
    public const double Tolerance = KMeansFitter.OptimizationTolerance;

    /// <summary>
    /// Per point (row-major in <paramref name="points"/>, <paramref name="d"/> values each), its cluster
    /// 0..<paramref name="k"/>−1. Fewer clusters when the points have fewer than k distinct positions;
    /// a cluster that empties keeps its centroid, so labels need not cover 0..k−1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Fit(double[] points, int d, int[] weights, int k, ref SeededRandom random)
    {
        var n = weights.Length;
        var centroids = Seed(points, d, weights, k, ref random, out var seeded);
        var labels = new int[n];
        Array.Fill(labels, -1);
        var sums = new double[seeded * d];
        var totals = new long[seeded];
        var previous = double.PositiveInfinity;
        for (var iteration = 0; iteration < MaximumIterations; iteration++)
        {
            var changed = 0;
            double objective = 0;
            for (var i = 0; i < n; i++)
            {
                var label = Partition.Nearest(points.AsSpan(i * d, d), centroids, seeded, out var squared);
                objective += weights[i] * squared;
                if (label != labels[i]) changed++;
                labels[i] = label;
            }
            if (changed == 0 || previous - objective < Tolerance * previous) break;
            previous = objective;

            Array.Clear(sums);
            Array.Clear(totals);
            for (var i = 0; i < n; i++)
            {
                var c = labels[i];
                totals[c] += weights[i];
                for (var l = 0; l < d; l++) sums[c * d + l] += weights[i] * points[i * d + l];
            }
            for (var c = 0; c < seeded; c++)
                if (totals[c] > 0)
                    for (var l = 0; l < d; l++) centroids[c * d + l] = sums[c * d + l] / totals[c];
        }
        return labels;
    }

    /// <summary>
    /// k-means++: the first centre is a point drawn with probability proportional to its weight, each next one
    /// with probability proportional to its weight times its squared distance to the nearest centre so far.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Seed(double[] points, int d, int[] weights, int k, ref SeededRandom random, out int seeded)
    {
        var n = weights.Length;
        var centroids = new double[k * d];
        var nearest = new double[n];
        var chosen = Draw(weights, null, random.NextDouble() * weights.Sum());
        points.AsSpan(chosen * d, d).CopyTo(centroids);
        for (var i = 0; i < n; i++) nearest[i] = ClusterQuality.Squared(points.AsSpan(i * d, d), centroids.AsSpan(0, d));
        seeded = 1;
        while (seeded < k)
        {
            double total = 0;
            for (var i = 0; i < n; i++) total += weights[i] * nearest[i];
            if (!(total > 0)) break;
            chosen = Draw(weights, nearest, random.NextDouble() * total);
            var centroid = centroids.AsSpan(seeded * d, d);
            points.AsSpan(chosen * d, d).CopyTo(centroid);
            for (var i = 0; i < n; i++) nearest[i] = Math.Min(nearest[i], ClusterQuality.Squared(points.AsSpan(i * d, d), centroid));
            seeded++;
        }
        return centroids[..(seeded * d)];
    }

    /// <summary>The point at which the running sum of weight (times <paramref name="nearest"/> when given) passes <paramref name="target"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Draw(int[] weights, double[]? nearest, double target)
    {
        double sum = 0;
        var last = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var mass = nearest is null ? weights[i] : weights[i] * nearest[i];
            if (mass <= 0) continue;
            last = i;
            sum += mass;
            if (sum > target) return i;
        }
        return last;
    }
}
