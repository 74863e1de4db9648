using Monitoring.Analysis.Aggregation;
using Monitoring.Analysis.Cleaning;
using Monitoring.Analysis.Measurement;
using Monitoring.Analysis.Responses;
using Monitoring.Analysis.Scoring;
using Monitoring.Core.Results;

namespace Monitoring.Analysis;

/// <summary>
/// The analysis steps of the batch, after reading: clean, score, reliability, aggregate (with
/// suppression), change, ICC, response rates. Each step is timed in <see cref="StepTimings"/>.
/// </summary>
public static class AnalysisPipeline
{
    /// <summary>Runs every step over <paramref name="raw"/>.</summary>
    public static AnalysisOutcome Run(RawResponses raw, StepTimings timings)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(timings);
        var table = raw.Table;
        var study = table.Study;
        var cleaning = timings.Measure("clean", () => ResponseCleaning.Apply(table),
            c => $"{c.KeptCount:N0} kept, {c.Exclusions.Count:N0} excluded ({string.Join(", ", c.Exclusions.GroupBy(e => e.Rule).OrderBy(g => g.Key).Select(g => $"{Names.Of(g.Key)} {g.Count():N0}"))})");
        var scored = timings.Measure("score", () => ScaleScoring.Apply(table, cleaning), s => $"{s.Count:N0} responses × {study.Scales.Count} scales");

        var rowsByWave = new int[study.Waves.Count][];
        {
            var counts = new int[study.Waves.Count];
            foreach (var row in scored.Rows) counts[table.Waves[row]]++;
            for (var w = 0; w < counts.Length; w++) rowsByWave[w] = new int[counts[w]];
            var fill = new int[study.Waves.Count];
            foreach (var row in scored.Rows)
            {
                var w = table.Waves[row];
                rowsByWave[w][fill[w]++] = row;
            }
        }
        var reliability = timings.Measure("reliability", () => ReliabilityComputation.Compute(scored, rowsByWave), r => $"{r.Count} scale × wave alphas");
        var measurement = timings.Measure("measurement", () => MeasurementComputation.Compute(scored, rowsByWave),
            m => $"{m.Sum(s => s.ByWave.Count(f => f is not null))} one-factor fits, {m.Count(s => s.Scalar is not null)} invariance sequences");
        reliability = [.. reliability.Select(r => measurement[study.Scales.ToList().FindIndex(s => s.Id == r.Scale)] is var m
            && study.Waves.ToList().FindIndex(w => w.Id == r.Wave) is var w
            ? r with { Omega = m.Omega(w), OmegaN = m.ByWave[w]?.GroupCounts[0] ?? 0 } : r)];
        var aggregates = timings.Measure("aggregate", () => AggregateTable.Compute(scored, SubmissionCounts.Count(raw)), _ => "schools, networks, trajectories, all");
        var aggregateList = aggregates.ToAggregates();
        var changes = timings.Measure("change", () => aggregates.ToChanges(scored), c => $"{c.Count:N0} comparisons");
        var intraclass = timings.Measure("icc", () => ReliabilityComputation.Intraclass(scored, rowsByWave), r => $"{r.Count} scale × wave ICCs");
        var rates = ResponseRates.Compute(aggregates);
        var exclusionCounts = raw.Problems.Where(p => p.Row > 1).Select(p => p.Row).Distinct().Count() is var invalid && invalid > 0
            ? new List<ExclusionCount> { new(null, Names.Of(CleaningRule.Invalid), invalid) }
            : [];
        exclusionCounts.AddRange(cleaning.Exclusions
            .GroupBy(e => (e.Wave, e.Rule))
            .OrderBy(g => g.Key.Wave, StringComparer.Ordinal).ThenBy(g => g.Key.Rule)
            .Select(g => new ExclusionCount(new Core.Studies.WaveId(g.Key.Wave!), Names.Of(g.Key.Rule), g.Count())));

        var waveIds = study.Waves.Select(w => w.Id.Value).ToArray();
        var invariance = measurement
            .Where(m => m.Configural is not null)
            .Select(m => InvarianceDecision.Decide(m, study.Scales[m.Scale].Id.Value, "wave", [.. m.Waves.Select(w => waveIds[w])], study.Analysis.Invariance))
            .ToArray();
        var results = new BatchResults(study, raw.RowsRead, scored.Count, aggregateList, reliability, changes, intraclass, rates, exclusionCounts)
        {
            Clustered = ClusteredIntervals.Compute(aggregates, intraclass),
            Invariance = invariance,
        };
        return new AnalysisOutcome(raw, cleaning, scored, results, aggregates.ToSchoolMeans()) { Measurement = measurement };
    }
}
