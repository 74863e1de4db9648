using Monitoring.Core.Studies;

namespace Monitoring.Profiles.Points;

/// <summary>
/// Takes each trajectory's own development out of the later waves' profile vectors: on every leaf scale, the points of
/// trajectory t in wave w ≥ 1 are shifted by <c>−(m̄_{t,w} − m̄_{t,0})</c>, the change of the mean of the trajectory's
/// taking-part school means since the baseline. A profile then describes a school's pattern relative to its trajectory
/// at that moment, so that a school that improves with its trajectory keeps its profile and the trajectory's growth
/// (in change.csv) does not make every school of an improving trajectory look like a different profile. A trajectory
/// without baseline points is left as it is.
/// </summary>
internal static class GrowthAdjustment
{
    /// <param name="study">The study.</param>
    /// <param name="cells">The taking-part cells, <c>wave × schools + school</c>.</param>
    /// <param name="mean">[cell × leaves + leaf]: the (reliability-adjusted) means, shifted in place.</param>
    /// <param name="d">The number of leaf scales.</param>
    public static void Apply(Study study, List<int> cells, double[] mean, int d)
    {
        var schools = study.Schools.Count;
        var waves = study.Waves.Count;
        var trajectoryIndex = study.Trajectories.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var trajectoryOf = study.Schools.Select(s => trajectoryIndex[study.NetworkOf(s.Id)!.Trajectory]).ToArray();
        var trajectories = study.Trajectories.Count;
        var sum = new double[waves * trajectories * d];
        var count = new int[waves * trajectories];
        foreach (var cell in cells)
        {
            var group = ((cell / schools) * trajectories) + trajectoryOf[cell % schools];
            count[group]++;
            for (var l = 0; l < d; l++) sum[(group * d) + l] += mean[(cell * d) + l];
        }
        foreach (var cell in cells)
        {
            var wave = cell / schools;
            if (wave == 0) continue;
            var t = trajectoryOf[cell % schools];
            int group = (wave * trajectories) + t, baseline = t;
            if (count[baseline] == 0) continue;
            for (var l = 0; l < d; l++)
                mean[(cell * d) + l] -= (sum[(group * d) + l] / count[group]) - (sum[(baseline * d) + l] / count[baseline]);
        }
    }
}
