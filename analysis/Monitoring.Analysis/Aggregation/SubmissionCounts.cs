using Monitoring.Analysis.Responses;

namespace Monitoring.Analysis.Aggregation;

/// <summary>
/// Every submission read per school and wave, whatever cleaning made of it: the valid rows (kept or excluded) and the rows
/// with problems whose school and wave could be read. The basis of the open-mode bound (<see cref="Core.Privacy.Disclosure.Withheld"/>).
/// </summary>
internal static class SubmissionCounts
{
    /// <summary>[wave × schools + school]: submissions read.</summary>
    public static int[] Count(RawResponses raw)
    {
        var table = raw.Table;
        var study = table.Study;
        var schools = study.Schools.Count;
        var counts = new int[study.Waves.Count * schools];
        for (var r = 0; r < table.Count; r++) counts[table.Waves[r] * schools + table.Schools[r]]++;
        if (raw.Problems.Count == 0) return counts;
        var schoolIndex = new Dictionary<string, int>(schools, StringComparer.Ordinal);
        for (var s = 0; s < schools; s++) schoolIndex[study.Schools[s].Id.Value] = s;
        var waveIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var w = 0; w < study.Waves.Count; w++) waveIndex[study.Waves[w].Id.Value] = w;
        var lastRow = -1;
        foreach (var problem in raw.Problems)
        {
            // A row with several problems is one submission; problems come in row order.
            if (problem.Row <= 1 || problem.Row == lastRow) continue;
            lastRow = problem.Row;
            if (problem.School is { } school && problem.Wave is { } wave && schoolIndex.TryGetValue(school, out var s) && waveIndex.TryGetValue(wave, out var w))
                counts[w * schools + s]++;
        }
        return counts;
    }
}
