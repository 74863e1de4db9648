using Monitoring.Profiles.Clustering;

namespace Monitoring.Profiles.Tests.Clustering;

public sealed class WeightedKMeansTests
{
    [Fact]
    public void WellSeparatedWeightedGroupsAreFoundWhateverTheSeed()
    {
        // Three groups of five points around (0,0), (10,0) and (0,10), within 0.5 of their centre, weights 1 to 4.
        var jitter = new SeededRandom(1);
        double[][] centres = [[0, 0], [10, 0], [0, 10]];
        var points = Enumerable.Range(0, 15).SelectMany(i => centres[i / 5].Select(c => c + jitter.NextDouble() - 0.5)).ToArray();
        var weights = Enumerable.Range(0, 15).Select(i => 1 + i % 4).ToArray();

        for (var seed = 0UL; seed < 10; seed++)
        {
            var random = new SeededRandom(seed);
            var labels = WeightedKMeans.Fit(points, 2, weights, 3, ref random);

            var groups = Enumerable.Range(0, 3).Select(g => labels.Skip(g * 5).Take(5).Distinct().Single()).ToArray();
            Assert.Equal(3, groups.Distinct().Count());
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameLabels()
    {
        var values = new SeededRandom(2);
        var points = Enumerable.Range(0, 300 * 8).Select(_ => values.NextDouble()).ToArray();
        var weights = Enumerable.Range(0, 300).Select(i => 1 + i % 3).ToArray();

        var first = new SeededRandom(7);
        var second = new SeededRandom(7);
        Assert.Equal(WeightedKMeans.Fit(points, 8, weights, 5, ref first), WeightedKMeans.Fit(points, 8, weights, 5, ref second));
    }

    [Fact]
    public void FewerDistinctPointsThanClustersGiveFewerClusters()
    {
        // Two positions, each given twice: k-means++ finds no third centre, so there are two clusters.
        double[] points = [0, 0, 0, 0, 5, 5, 5, 5];
        var random = new SeededRandom(3);

        var labels = WeightedKMeans.Fit(points, 2, [1, 2, 3, 1], 4, ref random);

        Assert.Equal(labels[0], labels[1]);
        Assert.Equal(labels[2], labels[3]);
        Assert.NotEqual(labels[0], labels[2]);
        Assert.All(labels, label => Assert.InRange(label, 0, 1));
    }
}
