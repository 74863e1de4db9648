using System.Globalization;
using Monitoring.Profiles.Points;
using Monitoring.Profiles.Tests.Support;
using Xunit.Abstractions;

namespace Monitoring.Profiles.Tests.Clustering;

/// <summary>
/// The within-cluster sum of squares of the ML.NET fits (with restarts, refined) against the best that scikit-learn 1.2
/// finds with 50 restarts on the same points: the sample study's profile points, exported to reference/points.csv
/// (set MONITORING_WRITE_REFERENCE=1 to rewrite it), WCSS in reference/kmeans_wcss.csv by reference/kmeans.py.
/// </summary>
public sealed class KMeansQualityTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(SampleStudy.RepositoryRoot(), "tests", "Monitoring.Profiles.Tests", "Clustering", "reference");

    [Fact(Skip = "Not met yet (issue 15, item 4): at k = 6..8 the best of 10 ML.NET fits is 0.3-1.7 % above scikit-learn's best of 50; refining every restart, 50 restarts, k-means++ starts and subsampled starts each closed only part of the gap.")]
    public async Task AtEveryKTheFitIsWithinHalfAPercentOfScikitLearnsBestOf50Restarts()
    {
        var batch = await BatchProfiles.SampleAsync(forcedK: 2);
        var space = ProfileSpace.Build(batch.Study, batch.Means, batch.Study.Analysis.PrivacyThreshold, batch.Intraclass);
        var lines = space.X.Chunk(space.Dimensions).Select(p => string.Join(",", p.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).ToArray();
        if (Environment.GetEnvironmentVariable("MONITORING_WRITE_REFERENCE") == "1") File.WriteAllLines(Path.Combine(Folder, "points.csv"), lines);
        Assert.Equal(File.ReadAllLines(Path.Combine(Folder, "points.csv")), lines);

        var reference = File.ReadLines(Path.Combine(Folder, "kmeans_wcss.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture), c => double.Parse(c[1], CultureInfo.InvariantCulture));
        var results = SchoolProfiles.Compute(batch.Study, batch.Means, batch.Study.Analysis.Profiles, batch.Study.Analysis.PrivacyThreshold, batch.Intraclass);
        for (var k = 2; k <= 8; k++)
        {
            var ours = results.Selection.Single(s => s.K == k).WithinSumOfSquares;
            output.WriteLine($"k={k} ML.NET {ours:F4} scikit-learn {reference[k]:F4} ratio {ours / reference[k]:F5}");
            Assert.True(ours <= reference[k] * 1.005, $"k = {k}: {ours} against scikit-learn's {reference[k]}");
        }
    }
}
