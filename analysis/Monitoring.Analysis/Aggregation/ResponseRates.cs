using Monitoring.Analysis.Scoring;
using Monitoring.Core.Results;

namespace Monitoring.Analysis.Aggregation;

/// <summary>Kept responses per school and wave against the staff count, suppressed as aggregates are.</summary>
internal static class ResponseRates
{
    public static IReadOnlyList<ResponseRate> Compute(ScoredResponses scored, UnitIndex units)
    {
        var study = scored.Table.Study;
        var schools = study.Schools.Count;
        var counts = new int[study.Waves.Count * schools];
        foreach (var row in scored.Rows)
            counts[scored.Table.Waves[row] * schools + scored.Table.Schools[row]]++;
        var result = new List<ResponseRate>(counts.Length);
        var reason = new string?[schools];
        for (var w = 0; w < study.Waves.Count; w++)
        {
            Suppression.Apply(counts.AsSpan(w * schools, schools), units.SchoolNetwork, study.Networks.Count, study.Analysis.PrivacyThreshold, reason);
            for (var s = 0; s < schools; s++)
            {
                var wave = study.Waves[w].Id;
                var n = counts[w * schools + s];
                var staff = study.Schools[s].StaffAt(wave);
                result.Add(new ResponseRate(study.Schools[s].Id, wave, n, staff, staff is > 0 ? (double)n / staff.Value : null, reason[s] is not null));
            }
        }
        return result;
    }
}
