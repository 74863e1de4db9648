using Monitoring.Analysis.Scoring;
using Monitoring.Analysis.Statistics;
using Monitoring.Core.Results;

namespace Monitoring.Analysis.Aggregation;

/// <summary>Cronbach's alpha per scale and wave over the kept responses' recoded items.</summary>
internal static class ReliabilityComputation
{
    public static IReadOnlyList<ScaleReliability> Compute(ScoredResponses scored, int[][] rowsByWave)
    {
        var study = scored.Table.Study;
        var itemIndex = study.Items.Select((item, j) => (item.Id, j)).ToDictionary(p => p.Id, p => p.j);
        var jobs = (from s in Enumerable.Range(0, study.Scales.Count) from w in Enumerable.Range(0, study.Waves.Count) select (s, w)).ToArray();
        var results = new ScaleReliability[jobs.Length];
        Parallel.For(0, jobs.Length, i =>
        {
            var (s, w) = jobs[i];
            var scale = study.Scales[s];
            var columns = scale.Items.Select(id => scored.Recoded[itemIndex[id]]).ToArray();
            var r = CronbachAlpha.Compute(columns, rowsByWave[w], study.Analysis.ReliabilityMissing);
            results[i] = new ScaleReliability(scale.Id, study.Waves[w].Id, r.N, r.ItemCount, r.RawAlpha, r.StandardizedAlpha, r.AverageInterItemCorrelation,
                r.Items.Select(item => new ItemStatistic(scale.Items[item.Index], item.N, item.AlphaIfDeleted, item.CorrectedItemTotalCorrelation)).ToArray());
        });
        return results;
    }

    public static IReadOnlyList<IntraclassResult> Intraclass(ScoredResponses scored, int[][] rowsByWave)
    {
        var study = scored.Table.Study;
        var schools = scored.Table.Schools.AsSpan(0, scored.Table.Count).ToArray();
        var jobs = (from s in Enumerable.Range(0, study.Scales.Count) from w in Enumerable.Range(0, study.Waves.Count) select (s, w)).ToArray();
        var results = new IntraclassResult[jobs.Length];
        Parallel.For(0, jobs.Length, i =>
        {
            var (s, w) = jobs[i];
            var icc = IntraclassCorrelation.Compute(scored.Scores[s], schools, rowsByWave[w], study.Schools.Count);
            results[i] = new IntraclassResult(study.Scales[s].Id, study.Waves[w].Id, icc.N, icc.GroupCount, icc.MeanSquareBetween, icc.MeanSquareWithin, icc.Icc1, icc.Icc2);
        });
        return results;
    }
}
