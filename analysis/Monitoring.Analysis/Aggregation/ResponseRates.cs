using Monitoring.Core.Results;

namespace Monitoring.Analysis.Aggregation;

/// <summary>Kept responses per school and wave against the staff count, with the school-wave's one disclosure decision.</summary>
internal static class ResponseRates
{
    public static IReadOnlyList<ResponseRate> Compute(AggregateTable table)
    {
        var study = table.Study;
        var schools = study.Schools.Count;
        var decisions = table.Decisions;
        var result = new List<ResponseRate>(study.Waves.Count * schools);
        for (var w = 0; w < study.Waves.Count; w++)
            for (var s = 0; s < schools; s++)
            {
                var wave = study.Waves[w].Id;
                var n = decisions.Responses(AggregateLevel.School, w, s);
                var staff = study.Schools[s].StaffAt(wave);
                result.Add(new ResponseRate(study.Schools[s].Id, wave, n, staff, staff is > 0 ? (double)n / staff.Value : null,
                    decisions.Of(AggregateLevel.School, w, s), decisions.Submissions[w * schools + s]));
            }
        return result;
    }
}
