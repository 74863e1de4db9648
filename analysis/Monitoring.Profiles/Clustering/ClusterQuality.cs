using System.Numerics;
using System.Runtime.CompilerServices;

namespace Monitoring.Profiles.Clustering;

/// <summary>
/// Internal validity indices of a partition, with Euclidean distances and the conventions of
/// Rousseeuw (1987), Davies and Bouldin (1979) and Caliński and Harabasz (1974), as scikit-learn computes them.
/// Points are row-major in <c>x</c> with <c>d</c> values each; labels are 0..k−1.
/// </summary>
internal static class ClusterQuality
{
    /// <summary>The average silhouette width of the labelling over all points.</summary>
    public static double Silhouette(double[] x, int d, int[] labels, int k) =>
        Silhouettes(x, d, Enumerable.Range(0, labels.Length).ToArray(), [(labels, k)])[0];

    /// <summary>
    /// The average silhouette width of each labelling, over the points <paramref name="sample"/> only: a
    /// point's a and b are its mean distances to the other sample points of its own and of the nearest
    /// other cluster. A point alone in its cluster scores 0. Exact when the sample is every point.
    /// </summary>
    public static double[] Silhouettes(double[] x, int d, int[] sample, IReadOnlyList<(int[] Labels, int K)> labellings)
    {
        var m = sample.Length;
        var p = labellings.Count;
        var columns = new double[d * m];
        for (var i = 0; i < m; i++)
            for (var l = 0; l < d; l++) columns[l * m + i] = x[sample[i] * d + l];
        var offsets = new int[p + 1];
        for (var q = 0; q < p; q++) offsets[q + 1] = offsets[q] + labellings[q].K;
        var slots = new int[p * m];
        var counts = new int[offsets[p]];
        for (var q = 0; q < p; q++)
            for (var i = 0; i < m; i++)
            {
                var slot = offsets[q] + labellings[q].Labels[sample[i]];
                slots[q * m + i] = slot;
                counts[slot]++;
            }

        var widths = new double[p * m];
        Parallel.For(0, m, () => (Sums: new double[offsets[p]], Distances: new double[m]), (i, _, buffers) =>
        {
            SumDistances(i, columns, d, m, slots, p, buffers.Distances, buffers.Sums);
            for (var q = 0; q < p; q++)
                widths[q * m + i] = Width(buffers.Sums, counts, offsets[q], offsets[q + 1], slots[q * m + i]);
            return buffers;
        }, _ => { });

        var result = new double[p];
        for (var q = 0; q < p; q++)
        {
            double total = 0;
            for (var i = 0; i < m; i++) total += widths[q * m + i];
            result[q] = m == 0 ? double.NaN : total / m;
        }
        return result;
    }

    /// <summary>
    /// For point <paramref name="i"/>, the sum of its distances to the points of each cluster of each
    /// labelling (its distance to itself is 0). Points are column-major so that the distances vectorize.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SumDistances(int i, double[] columns, int d, int m, int[] slots, int p, double[] distances, double[] sums)
    {
        Array.Clear(distances);
        var width = Vector<double>.Count;
        for (var l = 0; l < d; l++)
        {
            var column = columns.AsSpan(l * m, m);
            var own = column[i];
            var ownVector = new Vector<double>(own);
            var j = 0;
            for (; j <= m - width; j += width)
            {
                var diff = new Vector<double>(column[j..]) - ownVector;
                var sum = new Vector<double>(distances.AsSpan(j)) + diff * diff;
                sum.CopyTo(distances.AsSpan(j));
            }
            for (; j < m; j++)
            {
                var diff = column[j] - own;
                distances[j] += diff * diff;
            }
        }
        var k = 0;
        for (; k <= m - width; k += width)
            Vector.SquareRoot(new Vector<double>(distances.AsSpan(k))).CopyTo(distances.AsSpan(k));
        for (; k < m; k++) distances[k] = Math.Sqrt(distances[k]);

        Array.Clear(sums);
        for (var q = 0; q < p; q++)
        {
            var labels = slots.AsSpan(q * m, m);
            for (var j = 0; j < m; j++) sums[labels[j]] += distances[j];
        }
    }

    private static double Width(double[] sums, int[] counts, int from, int to, int own)
    {
        if (counts[own] <= 1) return 0;
        var a = sums[own] / (counts[own] - 1);
        var b = double.PositiveInfinity;
        for (var slot = from; slot < to; slot++)
            if (slot != own && counts[slot] > 0)
                b = Math.Min(b, sums[slot] / counts[slot]);
        if (double.IsPositiveInfinity(b)) return 0;
        var denominator = Math.Max(a, b);
        return denominator == 0 ? 0 : (b - a) / denominator;
    }

    /// <summary>
    /// The Davies–Bouldin index: the mean over clusters of the largest (s_i + s_j) / ‖c_i − c_j‖, where s is
    /// a cluster's mean distance to its centroid. Lower is better; 0 for a single cluster.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double DaviesBouldin(double[] x, int d, int[] labels, double[] centroids, int k)
    {
        var scatter = new double[k];
        var sizes = new int[k];
        for (var i = 0; i < labels.Length; i++)
        {
            var c = labels[i];
            sizes[c]++;
            scatter[c] += Distance(x.AsSpan(i * d, d), centroids.AsSpan(c * d, d));
        }
        for (var c = 0; c < k; c++) scatter[c] = sizes[c] == 0 ? 0 : scatter[c] / sizes[c];
        if (k < 2) return 0;
        double total = 0;
        for (var i = 0; i < k; i++)
        {
            var worst = 0.0;
            for (var j = 0; j < k; j++)
            {
                if (j == i) continue;
                var separation = Distance(centroids.AsSpan(i * d, d), centroids.AsSpan(j * d, d));
                var ratio = separation == 0 ? double.PositiveInfinity : (scatter[i] + scatter[j]) / separation;
                worst = Math.Max(worst, ratio);
            }
            total += worst;
        }
        return total / k;
    }

    /// <summary>
    /// The Calinski–Harabasz index: (between-cluster SS / (k − 1)) / (within-cluster SS / (n − k)), with
    /// <paramref name="centroids"/> the cluster means. Higher is better; 1 when the within SS is 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double CalinskiHarabasz(double[] x, int d, int[] labels, double[] centroids, int k)
    {
        var n = labels.Length;
        if (k < 2 || n <= k) return double.NaN;
        var grand = new double[d];
        for (var i = 0; i < n; i++)
            for (var l = 0; l < d; l++) grand[l] += x[i * d + l];
        for (var l = 0; l < d; l++) grand[l] /= n;
        var sizes = new int[k];
        foreach (var c in labels) sizes[c]++;
        double between = 0;
        for (var c = 0; c < k; c++)
            between += sizes[c] * Squared(centroids.AsSpan(c * d, d), grand);
        var within = WithinSumOfSquares(x, d, labels, centroids);
        return within == 0 ? 1 : between * (n - k) / (within * (k - 1));
    }

    /// <summary>The sum of squared distances from each point to its cluster's centroid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double WithinSumOfSquares(double[] x, int d, int[] labels, double[] centroids)
    {
        double within = 0;
        for (var i = 0; i < labels.Length; i++)
            within += Squared(x.AsSpan(i * d, d), centroids.AsSpan(labels[i] * d, d));
        return within;
    }

    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Math.Sqrt(Squared(a, b));

    private static double Squared(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (var l = 0; l < a.Length; l++)
        {
            var diff = a[l] - b[l];
            sum += diff * diff;
        }
        return sum;
    }
}
