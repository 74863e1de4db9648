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

        // Slots number the clusters of all labellings one after another; members lists the sample points of
        // each slot, so that a point's distance sums are gathered slot by slot.
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
        var starts = new int[offsets[p] + 1];
        for (var slot = 0; slot < counts.Length; slot++) starts[slot + 1] = starts[slot] + counts[slot];
        var members = new int[p * m];
        var fill = starts[..^1];
        for (var q = 0; q < p; q++)
            for (var i = 0; i < m; i++) members[fill[slots[q * m + i]]++] = i;

        var widths = new double[p * m];
        Parallel.For(0, m, () => (Sums: new double[offsets[p]], Distances: new double[m]), (i, _, buffers) =>
        {
            Distances(i, columns, d, m, buffers.Distances);
            SumBySlot(buffers.Distances, members, starts, buffers.Sums);
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

    /// <summary>The distances from point <paramref name="i"/> to every point (0 to itself); column-major points, so that they vectorize.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Distances(int i, double[] columns, int d, int m, double[] distances)
    {
        var width = Vector<double>.Count;
        Span<double> own = stackalloc double[d];
        for (var l = 0; l < d; l++) own[l] = columns[l * m + i];
        var j = 0;
        for (; j <= m - width; j += width)
        {
            var sum = Vector<double>.Zero;
            for (var l = 0; l < d; l++)
            {
                var diff = new Vector<double>(columns.AsSpan(l * m + j, width)) - new Vector<double>(own[l]);
                sum += diff * diff;
            }
            Vector.SquareRoot(sum).CopyTo(distances.AsSpan(j, width));
        }
        for (; j < m; j++)
        {
            double sum = 0;
            for (var l = 0; l < d; l++)
            {
                var diff = columns[l * m + j] - own[l];
                sum += diff * diff;
            }
            distances[j] = Math.Sqrt(sum);
        }
    }

    /// <summary>Per slot, the sum of the distances of its members; four running sums, so that the additions do not wait on each other.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SumBySlot(double[] distances, int[] members, int[] starts, double[] sums)
    {
        for (var slot = 0; slot < sums.Length; slot++)
        {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            var j = starts[slot];
            var end = starts[slot + 1];
            for (; j + 3 < end; j += 4)
            {
                s0 += distances[members[j]];
                s1 += distances[members[j + 1]];
                s2 += distances[members[j + 2]];
                s3 += distances[members[j + 3]];
            }
            for (; j < end; j++) s0 += distances[members[j]];
            sums[slot] = s0 + s1 + (s2 + s3);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Math.Sqrt(Squared(a, b));

    /// <summary>The squared Euclidean distance between two points.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Squared(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
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
