using Deedle;
using Monitoring.Core.Results;

namespace Monitoring.Analysis.Datasets.Shaping;

/// <summary>
/// school_panel: one row per school and wave, its response rate joined with its mean on every scale. The rows are
/// the response-rate rows; each scale's school means (from the school-level aggregates, missing where suppressed)
/// are a Deedle series keyed by the row's number, aligned with the others in one FrameBuilder.Columns, so a school without a mean in a wave gets a
/// missing value rather than a dropped row.
/// </summary>
internal static class SchoolPanel
{
    public static Frame<int, string> Build(BatchResults results)
    {
        var study = results.Study;
        var rates = results.ResponseRates;
        var rowOf = new Dictionary<(string, string), int>(rates.Count);
        var school = new string[rates.Count];
        var network = new string[rates.Count];
        var trajectory = new string[rates.Count];
        var wave = new string[rates.Count];
        var responses = new double[rates.Count];
        var staff = new double[rates.Count];
        var rate = new double[rates.Count];
        for (var i = 0; i < rates.Count; i++)
        {
            var r = rates[i];
            rowOf[(r.School.Value, r.Wave.Value)] = i;
            var n = study.NetworkOf(r.School)!;
            (school[i], network[i], trajectory[i], wave[i]) = (r.School.Value, n.Id.Value, n.Trajectory.Value, r.Wave.Value);
            responses[i] = r.Suppressed ? double.NaN : r.Responses;
            staff[i] = r.Staff ?? double.NaN;
            rate[i] = r.Suppressed ? double.NaN : r.Rate ?? double.NaN;
        }
        var rows = Enumerable.Range(0, rates.Count).ToArray();
        var columns = new FrameBuilder.Columns<int, string>
        {
            { "school", new Series<int, string>(rows, school) },
            { "network", new Series<int, string>(rows, network) },
            { "trajectory", new Series<int, string>(rows, trajectory) },
            { "wave", new Series<int, string>(rows, wave) },
            { "responses", new Series<int, double>(rows, responses) },
            { "staff", new Series<int, double>(rows, staff) },
            { "rate", new Series<int, double>(rows, rate) },
        };

        var keys = new List<int>[study.Scales.Count];
        var means = new List<double>[study.Scales.Count];
        var scaleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < study.Scales.Count; s++)
        {
            (keys[s], means[s]) = ([], []);
            scaleIndex[study.Scales[s].Id.Value] = s;
        }
        foreach (var a in results.Aggregates)
        {
            if (a.Level != AggregateLevel.School || !rowOf.TryGetValue((a.Unit.Value, a.Wave.Value), out var row) || !scaleIndex.TryGetValue(a.Scale.Value, out var s)) continue;
            keys[s].Add(row);
            means[s].Add(a.Suppressed ? double.NaN : a.Estimate?.Mean ?? double.NaN);
        }
        for (var s = 0; s < study.Scales.Count; s++)
            columns.Add(study.Scales[s].Id.Value, new Series<int, double>(keys[s], means[s]));
        // One alignment of every column on the row numbers, missing where a school has no mean in a wave.
        return columns.Frame;
    }
}
