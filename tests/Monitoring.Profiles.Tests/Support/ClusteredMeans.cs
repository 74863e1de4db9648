using Monitoring.Core.Results;
using Monitoring.Core.Studies;
using Monitoring.Profiles.Clustering;
using Monitoring.Profiles.Points;

namespace Monitoring.Profiles.Tests.Support;

/// <summary>
/// School means with three well-separated groups, drawn directly (no responses): every school has
/// <c>n</c> valid scores on every leaf scale in every wave, and a mean of 3.5 + its group's shift + noise.
/// </summary>
internal static class ClusteredMeans
{
    public static List<SchoolMean> For(Study study, int n = 12, int seed = 1)
    {
        var leaves = ProfileSpace.LeafScalesOf(study);
        var random = new SeededRandom((ulong)seed);
        double[][] shifts = [leaves.Select(_ => 0.8).ToArray(), leaves.Select((_, l) => l < 2 ? -0.8 : 0.3).ToArray(), leaves.Select((_, l) => l is >= 2 and < 5 ? -0.8 : 0.1).ToArray()];
        var means = new List<SchoolMean>();
        for (var s = 0; s < study.Schools.Count; s++)
            foreach (var wave in study.Waves)
                for (var l = 0; l < leaves.Length; l++)
                    means.Add(new SchoolMean(study.Schools[s].Id, wave.Id, leaves[l].Id, n, 3.5 + shifts[s % 3][l] + 0.15 * (random.Next(1000) / 1000.0 - 0.5)));
        return means;
    }
}
