using Monitoring.Analysis.Statistics;
using Monitoring.Core.Privacy;
using Monitoring.Core.Results;

namespace Monitoring.Analysis.Aggregation;

/// <summary>The cluster-aware intervals of every network, trajectory and study aggregate (<see cref="ClusteredEstimate"/>).</summary>
internal static class ClusteredIntervals
{
    private static readonly AggregateLevel[] Levels = [AggregateLevel.Network, AggregateLevel.Trajectory, AggregateLevel.All];

    /// <summary>Ordered by level, unit, wave, scale, as the aggregates.</summary>
    public static IReadOnlyList<ClusteredEstimate> Compute(AggregateTable table, IReadOnlyList<IntraclassResult> intraclass)
    {
        var study = table.Study;
        var level95 = study.Analysis.ConfidenceLevel;
        var waves = study.Waves.Count;
        var scales = study.Scales.Count;
        var icc = new double[waves * scales];
        Array.Fill(icc, double.NaN);
        foreach (var r in intraclass)
        {
            var w = IndexOf(study.Waves, x => x.Id == r.Wave);
            var s = IndexOf(study.Scales, x => x.Id == r.Scale);
            if (w >= 0 && s >= 0) icc[(w * scales) + s] = r.Icc1;
        }

        // Per unit of each level, wave and scale: schools with scores and Σ m², pooled from the schools upwards.
        var schools = table.UnitCount(AggregateLevel.School);
        var result = new List<ClusteredEstimate>();
        var schoolNetwork = table.Units.Parents(AggregateLevel.School);
        var networkTrajectory = table.Units.Parents(AggregateLevel.Network);
        foreach (var level in Levels)
        {
            var size = table.UnitCount(level);
            var unitOf = new int[schools];
            for (var school = 0; school < schools; school++)
                unitOf[school] = level switch
                {
                    AggregateLevel.Network => schoolNetwork[school],
                    AggregateLevel.Trajectory => networkTrajectory[schoolNetwork[school]],
                    _ => 0,
                };
            var clusters = new int[waves * scales * size];
            var squares = new double[waves * scales * size];
            for (var w = 0; w < waves; w++)
                for (var s = 0; s < scales; s++)
                    for (var school = 0; school < schools; school++)
                    {
                        var m = table.MomentsOf(AggregateLevel.School, s, w, school).N;
                        if (m == 0) continue;
                        var at = (((w * scales) + s) * size) + unitOf[school];
                        clusters[at]++;
                        squares[at] += (double)m * m;
                    }
            for (var u = 0; u < size; u++)
                for (var w = 0; w < waves; w++)
                    for (var s = 0; s < scales; s++)
                    {
                        var id = new UnitId(level, table.Units.Ids[level][u]);
                        var wave = study.Waves[w].Id;
                        var scale = study.Scales[s].Id;
                        if (table.ReasonOf(level, s, w, u).IsHidden())
                        {
                            result.Add(new ClusteredEstimate(id, wave, scale, 0, null, null, null, null, null, true));
                            continue;
                        }
                        var at = (((w * scales) + s) * size) + u;
                        var g = clusters[at];
                        var moments = table.MomentsOf(level, s, w, u);
                        var rho = icc[(w * scales) + s];
                        if (g < 2 || moments.N < 2 || double.IsNaN(rho))
                        {
                            result.Add(new ClusteredEstimate(id, wave, scale, g, null, null, null, null, null, false));
                            continue;
                        }
                        rho = Math.Max(0, rho);
                        var deff = 1 + (((squares[at] / moments.N) - 1) * rho);
                        var se = Math.Sqrt(moments.Variance / moments.N * deff);
                        var half = TInterval.Quantile(level95, g - 1) * se;
                        result.Add(new ClusteredEstimate(id, wave, scale, g, rho, deff, se, moments.Mean - half, moments.Mean + half, false));
                    }
        }
        return result;
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, Func<T, bool> match)
    {
        for (var i = 0; i < list.Count; i++)
            if (match(list[i])) return i;
        return -1;
    }
}
