namespace Monitoring.Profiles.Clustering;

/// <summary>
/// Bootstrap stability of a partition (Hennig, 2007, clusterboot): resample the base points with
/// replacement, refit k-means with ML.NET, assign the distinct resampled points to the nearest refitted
/// centroid, and compare with the partition over those points: per cluster the best Jaccard similarity,
/// and the adjusted Rand index. Resample b of a k always draws the same points and runs on the same
/// ML.NET context in the same position, whatever the number of threads.
/// </summary>
internal static class Stability
{
    /// <summary>Resamples are spread over this many ML.NET contexts (round robin), to run in parallel.</summary>
    private const int Contexts = 4;

    /// <summary>One partition to check.</summary>
    /// <param name="Partition">The partition of all points.</param>
    /// <param name="Resamples">How many bootstrap resamples.</param>
    public sealed record Job(Partition Partition, int Resamples);

    /// <summary>The outcome for one partition.</summary>
    /// <param name="MeanAdjustedRand">The mean adjusted Rand index over resamples.</param>
    /// <param name="MeanJaccard">Per cluster, the mean over resamples (in which it has points) of its best Jaccard similarity.</param>
    public sealed record Outcome(double MeanAdjustedRand, double[] MeanJaccard);

    public static Outcome[] Run(double[] x, int d, ProfileRow[] rows, int[] basePoints, IReadOnlyList<Job> jobs, int seed)
    {
        var ari = jobs.Select(j => new double[j.Resamples]).ToArray();
        var jaccard = jobs.Select(j => new double[j.Resamples * j.Partition.K]).ToArray();
        Parallel.For(0, jobs.Count * Contexts, item =>
        {
            var q = item / Contexts;
            var context = item % Contexts;
            var job = jobs[q];
            var k = job.Partition.K;
            if (context >= job.Resamples) return;
            var fitter = new KMeansFitter(SeededRandom.ContextSeed(seed, Streams.BootstrapContext, k, context), d);
            var reference = basePoints.Select(i => job.Partition.Labels[i]).ToArray();
            var refitted = new int[basePoints.Length];
            var drawn = new ProfileRow[basePoints.Length];
            var present = new bool[basePoints.Length];
            for (var b = context; b < job.Resamples; b += Contexts)
            {
                var random = SeededRandom.For(seed, Streams.Resample, k, b);
                Array.Clear(present);
                for (var t = 0; t < drawn.Length; t++)
                {
                    var pick = random.Next(basePoints.Length);
                    present[pick] = true;
                    drawn[t] = rows[basePoints[pick]];
                }
                var centroids = fitter.Fit(drawn, k);
                var fitted = centroids.Length / d;
                for (var t = 0; t < basePoints.Length; t++)
                    refitted[t] = present[t] ? Partition.Nearest(x.AsSpan(basePoints[t] * d, d), centroids, fitted, out _) : -1;
                var agreement = new PartitionAgreement(reference, k, refitted, fitted);
                ari[q][b] = agreement.AdjustedRandIndex();
                for (var c = 0; c < k; c++) jaccard[q][b * k + c] = agreement.BestJaccard(c);
            }
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
}
