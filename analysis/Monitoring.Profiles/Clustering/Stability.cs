using System.Runtime.CompilerServices;

namespace Monitoring.Profiles.Clustering;

/// <summary>
/// Bootstrap stability of a partition (Hennig, 2007, clusterboot): resample the base points with
/// replacement, refit k-means (<see cref="WeightedKMeans"/>) on the resample, and compare with the
/// partition over the distinct resampled points: per cluster the best Jaccard similarity, and the adjusted
/// Rand index. Resample b of a k always draws the same points and seeds its refit from the same stream,
/// so the outcome does not depend on the number of threads.
/// </summary>
internal static class Stability
{
    /// <summary>One partition to check.</summary>
    /// <param name="Partition">The partition of all points.</param>
    /// <param name="Resamples">How many bootstrap resamples.</param>
    public sealed record Job(Partition Partition, int Resamples);

    /// <summary>The outcome for one partition.</summary>
    /// <param name="MeanAdjustedRand">The mean adjusted Rand index over resamples.</param>
    /// <param name="MeanJaccard">Per cluster, the mean over resamples (in which it has points) of its best Jaccard similarity.</param>
    public sealed record Outcome(double MeanAdjustedRand, double[] MeanJaccard);

    public static Outcome[] Run(double[] x, int d, int[] basePoints, IReadOnlyList<Job> jobs, int seed)
    {
        var ari = jobs.Select(j => new double[j.Resamples]).ToArray();
        var jaccard = jobs.Select(j => new double[j.Resamples * j.Partition.K]).ToArray();
        var references = jobs.Select(j => basePoints.Select(i => j.Partition.Labels[i]).ToArray()).ToArray();
        var items = jobs.SelectMany((j, q) => Enumerable.Range(0, j.Resamples).Select(b => (Job: q, Resample: b))).ToArray();
        Parallel.For(0, items.Length, item =>
        {
            var (q, b) = items[item];
            var k = jobs[q].Partition.K;
            var agreement = new PartitionAgreement(references[q], k, Refit(x, d, basePoints, k, SeededRandom.For(seed, Streams.Resample, k, b)), k);
            ari[q][b] = agreement.AdjustedRandIndex();
            for (var c = 0; c < k; c++) jaccard[q][b * k + c] = agreement.BestJaccard(c);
        });

        return jobs.Select((job, q) =>
        {
            var k = job.Partition.K;
            var means = new double[k];
            for (var c = 0; c < k; c++)
            {
                double sum = 0;
                var count = 0;
                for (var b = 0; b < job.Resamples; b++)
                {
                    var value = jaccard[q][b * k + c];
                    if (double.IsNaN(value)) continue;
                    sum += value;
                    count++;
                }
                means[c] = count == 0 ? double.NaN : sum / count;
            }
            return new Outcome(job.Resamples == 0 ? double.NaN : ari[q].Average(), means);
        }).ToArray();
    }

    /// <summary>
    /// Draws a resample of the base points with replacement and refits k-means on it; per base point, its
    /// refitted cluster, or −1 when the resample does not hold it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Refit(double[] x, int d, int[] basePoints, int k, SeededRandom random)
    {
        var m = basePoints.Length;
        var drawn = new int[m];
        for (var t = 0; t < m; t++) drawn[random.Next(m)]++;

        var distinct = 0;
        foreach (var count in drawn)
            if (count > 0) distinct++;
        var present = new int[distinct];
        var points = new double[distinct * d];
        var weights = new int[distinct];
        for (int t = 0, j = 0; t < m; t++)
        {
            if (drawn[t] == 0) continue;
            present[j] = t;
            weights[j] = drawn[t];
            x.AsSpan(basePoints[t] * d, d).CopyTo(points.AsSpan(j * d, d));
            j++;
        }
        var labels = WeightedKMeans.Fit(points, d, weights, k, ref random);

        var refitted = new int[m];
        Array.Fill(refitted, -1);
        for (var j = 0; j < distinct; j++) refitted[present[j]] = labels[j];
        return refitted;
    }
}
