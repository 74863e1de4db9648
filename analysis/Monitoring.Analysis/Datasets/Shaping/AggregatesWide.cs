using Deedle;
using Monitoring.Analysis.Datasets.Tables;
using Monitoring.Core.Results;

namespace Monitoring.Analysis.Datasets.Shaping;

/// <summary>
/// aggregates_wide: the long aggregates (one row per unit, wave and scale) pivoted to one row per unit and scale with
/// the statistics of every wave side by side. The rows are numbered in one typed pass over the aggregates (a Deedle
/// group-by over them is the per-row work it is too slow for); each wave's statistics then become Deedle series over
/// the numbers of the rows that have that wave, and joining them onto the frame of rows aligns them, missing where a
/// unit has no row for a wave. All columns are aligned in one step (FrameBuilder.Columns): a chain of joins rebuilt
/// the frame once per column, most of the shaping's cost.
/// </summary>
internal static class AggregatesWide
{
    public static Frame<int, string> Build(BatchResults results)
    {
        var aggregates = results.Aggregates;
        var names = UnitNames.Of(results.Study);
        var rowOf = new Dictionary<(AggregateLevel, string, string), int>();
        var rowByAggregate = new int[aggregates.Count];
        var level = new List<string>();
        var unit = new List<string>();
        var unitName = new List<string>();
        var scale = new List<string>();
        for (var i = 0; i < aggregates.Count; i++)
        {
            var a = aggregates[i];
            var key = (a.Level, a.Unit.Value, a.Scale.Value);
            if (!rowOf.TryGetValue(key, out var row))
            {
                rowOf[key] = row = rowOf.Count;
                level.Add(LevelName(a.Level));
                unit.Add(a.Unit.Value);
                unitName.Add(names[(int)a.Level].GetValueOrDefault(a.Unit.Value, a.Unit.Value));
                scale.Add(a.Scale.Value);
            }
            rowByAggregate[i] = row;
        }

        var rows = Enumerable.Range(0, rowOf.Count).ToArray();
        var columns = new FrameBuilder.Columns<int, string>
        {
            { "level", new Series<int, string>(rows, level) },
            { "unit", new Series<int, string>(rows, unit) },
            { "unit_name", new Series<int, string>(rows, unitName) },
            { "scale", new Series<int, string>(rows, scale) },
        };
        foreach (var wave in results.Study.Waves)
        {
            var keys = new List<int>();
            var stats = new List<double>[6];
            for (var s = 0; s < stats.Length; s++) stats[s] = [];
            var suppressed = new List<bool>();
            for (var i = 0; i < aggregates.Count; i++)
            {
                var a = aggregates[i];
                if (a.Wave != wave.Id) continue;
                keys.Add(rowByAggregate[i]);
                var e = a.Suppressed ? null : a.Estimate;
                stats[0].Add(e is null ? double.NaN : e.N);
                stats[1].Add(e?.Mean ?? double.NaN);
                stats[2].Add(e?.StandardDeviation ?? double.NaN);
                stats[3].Add(e?.StandardError ?? double.NaN);
                stats[4].Add(e?.Lower ?? double.NaN);
                stats[5].Add(e?.Upper ?? double.NaN);
                suppressed.Add(a.Suppressed);
            }
            for (var s = 0; s < stats.Length; s++)
                columns.Add(DatasetTables.Wide(DatasetTables.WideStatistics[s], wave.Id.Value), new Series<int, double>(keys, stats[s]));
            columns.Add(DatasetTables.Wide("suppressed", wave.Id.Value), new Series<int, bool>(keys, suppressed));
        }
        // One alignment of every column on the row numbers (a chain of left joins rebuilt the frame once per column).
        var frame = columns.Frame;
        return frame;
    }

    private static string LevelName(AggregateLevel level) => level switch
    {
        AggregateLevel.School => "school",
        AggregateLevel.Network => "network",
        AggregateLevel.Trajectory => "trajectory",
        _ => "all",
    };
}
