using System.Numerics;
using System.Runtime.CompilerServices;

namespace Monitoring.Profiles.Clustering;

/// <summary>
/// A k-means partition of all points: labels 0..K−1 in the documented order (descending mean of the
/// centroid over all dimensions, ties broken by the first dimension, then the next), and the centroids
/// as the means of their members.
/// </summary>
internal sealed class Partition
{
    private Partition(int k, int[] labels, double[] centroids, int[] sizes)
    {
        K = k;
        Labels = labels;
        Centroids = centroids;
        Sizes = sizes;
    }

    /// <summary>The number of non-empty clusters.</summary>
    public int K { get; }

    /// <summary>Per point, its cluster 0..K−1.</summary>
    public int[] Labels { get; }

    /// <summary>Row-major K × dimensions: the mean of each cluster's members.</summary>
    public double[] Centroids { get; }

    public int[] Sizes { get; }

    /// <summary>The index of the centroid nearest to <paramref name="point"/> (the lowest on ties) and the squared distance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Nearest(ReadOnlySpan<double> point, ReadOnlySpan<double> centroids, int k, out double squared)
    {
        var d = point.Length;
        var best = 0;
        squared = double.PositiveInfinity;
        for (int c = 0, at = 0; c < k; c++, at += d)
        {
            double sum = 0;
            for (var l = 0; l < d && sum < squared; l++)
            {
                var diff = point[l] - centroids[at + l];
                sum += diff * diff;
            }
            if (sum < squared)
            {
                squared = sum;
                best = c;
            }
        }
        return best;
    }

    /// <summary>
    /// The sum of squared distances from every point to its nearest centroid, a vector of points at a time;
    /// <paramref name="columns"/> are the <paramref name="n"/> points by <see cref="Columns"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SumOfSquares(double[] columns, int n, int d, double[] centroids, int k)
    {
        var width = Vector<double>.Count;
        var broadcast = new Vector<double>[k * d];
        for (var at = 0; at < broadcast.Length; at++) broadcast[at] = new Vector<double>(centroids[at]);
        Span<Vector<double>> points = stackalloc Vector<double>[d];
        var total = Vector<double>.Zero;
        var i = 0;
        for (; i + width <= n; i += width)
        {
            for (var l = 0; l < d; l++) points[l] = new Vector<double>(columns.AsSpan(l * n + i, width));
            var best = new Vector<double>(double.PositiveInfinity);
            for (var c = 0; c < k; c++)
            {
                var centroid = broadcast.AsSpan(c * d, d);
                var sum = Vector<double>.Zero;
                for (var l = 0; l < d; l++)
                {
                    var diff = points[l] - centroid[l];
                    sum += diff * diff;
                }
                best = Vector.Min(best, sum);
            }
            total += best;
        }
        var result = Vector.Sum(total);
        Span<double> point = stackalloc double[d];
        for (; i < n; i++)
        {
            for (var l = 0; l < d; l++) point[l] = columns[l * n + i];
            Nearest(point, centroids, k, out var squared);
            result += squared;
        }
        return result;
    }

    /// <summary>The points column by column (dimension-major), as <see cref="Refine"/> takes them.</summary>
    public static double[] Columns(double[] x, int d)
    {
        var n = x.Length / d;
        var columns = new double[x.Length];
        for (var i = 0; i < n; i++)
            for (var l = 0; l < d; l++) columns[l * n + i] = x[i * d + l];
        return columns;
    }

    /// <summary>
    /// Lloyd's iterations on all points from <paramref name="start"/> until no point changes cluster
    /// (at most <paramref name="maxIterations"/>); an emptied cluster keeps its centroid, and clusters
    /// still empty at the end are dropped. <paramref name="columns"/> are the points of <paramref name="x"/> by <see cref="Columns"/>.
    /// </summary>
    public static Partition Refine(double[] x, double[] columns, int d, double[] start, int k, int maxIterations)
    {
        var n = x.Length / d;
        var centroids = (double[])start.Clone();
        var labels = new int[n];
        Array.Fill(labels, -1);
        Assign(columns, n, d, centroids, k, labels);
        var sizes = new int[k];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            Means(x, d, labels, k, centroids, sizes);
            if (Assign(columns, n, d, centroids, k, labels) == 0) break;
        }
        Means(x, d, labels, k, centroids, sizes);
        return Ordered(d, labels, centroids, sizes, k);
    }

    /// <summary>Reassigns every point to its nearest centroid; returns how many changed. Blocks of points run in parallel.</summary>
    private static int Assign(double[] columns, int n, int d, double[] centroids, int k, int[] labels)
    {
        const int block = 4096;
        var blocks = (n + block - 1) / block;
        var changed = new int[blocks];
        var broadcast = new Vector<double>[k * d];
        for (var at = 0; at < broadcast.Length; at++) broadcast[at] = new Vector<double>(centroids[at]);
        Parallel.For(0, blocks, b => changed[b] = AssignBlock(columns, n, d, centroids, broadcast, k, labels, b * block, Math.Min(n, (b + 1) * block)));
        return changed.Sum();
    }

    /// <summary>
    /// Assigns points <paramref name="start"/>..<paramref name="end"/> to their nearest centroid, a vector of points
    /// at a time; ties go to the lowest centroid, as in <see cref="Nearest"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AssignBlock(double[] columns, int n, int d, double[] centroids, Vector<double>[] broadcast, int k, int[] labels, int start, int end)
    {
        var width = Vector<double>.Count;
        var changed = 0;
        var i = start;
        Span<Vector<double>> points = stackalloc Vector<double>[d];
        for (; i + width <= end; i += width)
        {
            for (var l = 0; l < d; l++) points[l] = new Vector<double>(columns.AsSpan(l * n + i, width));
            var best = new Vector<double>(double.PositiveInfinity);
            var bestLabel = Vector<long>.Zero;
            for (var c = 0; c < k; c++)
            {
                var centroid = broadcast.AsSpan(c * d, d);
                var sum = Vector<double>.Zero;
                for (var l = 0; l < d; l++)
                {
                    var diff = points[l] - centroid[l];
                    sum += diff * diff;
                }
                var closer = Vector.LessThan(sum, best);
                best = Vector.ConditionalSelect(closer, sum, best);
                bestLabel = Vector.ConditionalSelect(closer, new Vector<long>(c), bestLabel);
            }
            for (var t = 0; t < width; t++)
            {
                var label = (int)bestLabel[t];
                if (labels[i + t] != label) changed++;
                labels[i + t] = label;
            }
        }
        Span<double> point = stackalloc double[d];
        for (; i < end; i++)
        {
            for (var l = 0; l < d; l++) point[l] = columns[l * n + i];
            var label = Nearest(point, centroids, k, out _);
            if (labels[i] != label) changed++;
            labels[i] = label;
        }
        return changed;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Means(double[] x, int d, int[] labels, int k, double[] centroids, int[] sizes)
    {
        // Point by point, so that the additions into different coordinates do not wait on each other.
        var sums = new double[k * d];
        Array.Clear(sizes);
        for (var i = 0; i < labels.Length; i++)
        {
            var c = labels[i];
            sizes[c]++;
            var sum = sums.AsSpan(c * d, d);
            var point = x.AsSpan(i * d, d);
            for (var l = 0; l < d; l++) sum[l] += point[l];
        }
        for (var c = 0; c < k; c++)
            if (sizes[c] > 0)
                for (var l = 0; l < d; l++) centroids[c * d + l] = sums[c * d + l] / sizes[c];
    }

    private static Partition Ordered(int d, int[] labels, double[] centroids, int[] sizes, int k)
    {
        var order = Enumerable.Range(0, k).Where(c => sizes[c] > 0).ToArray();
        Array.Sort(order, (a, b) => Compare(centroids.AsSpan(a * d, d), centroids.AsSpan(b * d, d), a, b));
        var newLabel = new int[k];
        var ordered = new double[order.Length * d];
        var orderedSizes = new int[order.Length];
        for (var r = 0; r < order.Length; r++)
        {
            newLabel[order[r]] = r;
            orderedSizes[r] = sizes[order[r]];
            centroids.AsSpan(order[r] * d, d).CopyTo(ordered.AsSpan(r * d, d));
        }
        for (var i = 0; i < labels.Length; i++) labels[i] = newLabel[labels[i]];
        return new Partition(order.Length, labels, ordered, orderedSizes);
    }

    /// <summary>The profile order: higher mean over all dimensions first; ties by the first dimension, then the next (higher first).</summary>
    internal static int Compare(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int tieA, int tieB)
    {
        double meanA = 0, meanB = 0;
        for (var l = 0; l < a.Length; l++)
        {
            meanA += a[l];
            meanB += b[l];
        }
        var byMean = meanB.CompareTo(meanA);
        if (byMean != 0) return byMean;
        for (var l = 0; l < a.Length; l++)
        {
            var byScale = b[l].CompareTo(a[l]);
            if (byScale != 0) return byScale;
        }
        return tieA.CompareTo(tieB);
    }
}
