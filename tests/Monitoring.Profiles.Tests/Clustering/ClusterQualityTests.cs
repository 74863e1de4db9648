using Monitoring.Profiles.Clustering;

namespace Monitoring.Profiles.Tests.Clustering;

/// <summary>
/// Five points in the plane, worked by hand: A = {(0,0), (0,2)}, B = {(3,0), (3,2), (6,1)}.
/// Distances: within A 2; within B 2, √10, √10; between a point of A and (3,0)/(3,2) 3 or √13, and (6,1) √37.
/// </summary>
public sealed class ClusterQualityTests
{
    private static readonly double[] X = [0, 0, 0, 2, 3, 0, 3, 2, 6, 1];
    private static readonly int[] Labels = [0, 0, 1, 1, 1];
    private static readonly double[] Centroids = [0, 1, 4, 1];

    [Fact]
    public void TheSilhouetteMatchesAHandCalculation()
    {
        var r13 = Math.Sqrt(13);
        var r37 = Math.Sqrt(37);
        var r10 = Math.Sqrt(10);
        var sA = 1 - 2 / ((3 + r13 + r37) / 3);                                   // a = 2, b = mean distance to B
        var aB = (2 + r10) / 2;                                                      // (3,0): to (3,2) and (6,1)
        var bB = (3 + r13) / 2;                                                      // (3,0): to (0,0) and (0,2)
        var sB = (bB - aB) / Math.Max(aB, bB);
        var sC = 1 - r10 / r37;                                                      // (6,1): a = √10, b = √37
        var expected = (2 * sA + 2 * sB + sC) / 5;                                   // 0.394272

        Assert.Equal(expected, ClusterQuality.Silhouette(X, 2, Labels, 2), 12);
        Assert.Equal(0.394272, expected, 6);
    }

    [Fact]
    public void APointAloneInItsClusterHasSilhouetteZero()
    {
        // (0,0) and (0,1): a = 1, b = √50 and √41; (5,5) alone: 0.
        double[] x = [0, 0, 0, 1, 5, 5];
        var expected = (1 - 1 / Math.Sqrt(50) + (1 - 1 / Math.Sqrt(41)) + 0) / 3;
        Assert.Equal(expected, ClusterQuality.Silhouette(x, 2, [0, 0, 1], 2), 12);
    }

    [Fact]
    public void TheDaviesBouldinIndexMatchesAHandCalculation()
    {
        // Scatter of A: both points 1 from (0,1). Of B: √2, √2 and 2 from (4,1). Centroids 4 apart.
        var scatterB = (2 * Math.Sqrt(2) + 2) / 3;
        var expected = (1 + scatterB) / 4;                                            // 0.652369, the same for both clusters
        Assert.Equal(expected, ClusterQuality.DaviesBouldin(X, 2, Labels, Centroids, 2), 12);
        Assert.Equal(0.652369, expected, 6);
    }

    [Fact]
    public void TheCalinskiHarabaszIndexMatchesAHandCalculation()
    {
        // Grand mean (2.4, 1). Between: 2 × 2.4² + 3 × 1.6² = 19.2. Within: 1 + 1 + 2 + 2 + 4 = 10.
        var expected = (19.2 / (2 - 1)) / (10.0 / (5 - 2));                          // 5.76
        Assert.Equal(expected, ClusterQuality.CalinskiHarabasz(X, 2, Labels, Centroids, 2), 12);
        Assert.Equal(10, ClusterQuality.WithinSumOfSquares(X, 2, Labels, Centroids), 12);
    }

    [Fact]
    public void TheSampledSilhouetteIsTheExactSilhouetteOfTheSample()
    {
        var random = new SeededRandom(3);
        var x = new double[200 * 3];
        for (var i = 0; i < x.Length; i++) x[i] = random.Next(1000) / 100.0;
        var labels = Enumerable.Range(0, 200).Select(i => i % 4).ToArray();
        var labels2 = Enumerable.Range(0, 200).Select(i => (int)(x[i * 3] / 5)).ToArray();
        int[] sample = [.. Enumerable.Range(0, 200).Where(i => i % 3 == 0)];
        var gathered = sample.SelectMany(i => x.Skip(i * 3).Take(3)).ToArray();

        var sampled = ClusterQuality.Silhouettes(x, 3, sample, [(labels, 4), (labels2, 2)]);

        Assert.Equal(ClusterQuality.Silhouette(gathered, 3, sample.Select(i => labels[i]).ToArray(), 4), sampled[0], 12);
        Assert.Equal(ClusterQuality.Silhouette(gathered, 3, sample.Select(i => labels2[i]).ToArray(), 2), sampled[1], 12);
    }
}
