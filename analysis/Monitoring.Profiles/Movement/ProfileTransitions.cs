using Monitoring.Core.Results;
using Monitoring.Core.Studies;

namespace Monitoring.Profiles.Movement;

/// <summary>Per network, how schools moved between profiles from each wave to the next.</summary>
internal static class ProfileTransitions
{
    /// <summary>
    /// Rows by network (study order), pair of consecutive waves, from-profile, to-profile; schools in the
    /// network's order. Schools without a profile in either wave of a pair do not count for that pair.
    /// </summary>
    public static List<ProfileTransition> Of(Study study, IReadOnlyList<SchoolProfile> profiles)
    {
        var profileOf = profiles.ToDictionary(p => (p.School, p.Wave), p => p.Profile);
        var rows = new List<ProfileTransition>();
        foreach (var network in study.Networks)
            for (var w = 0; w + 1 < study.Waves.Count; w++)
            {
                var from = study.Waves[w].Id;
                var to = study.Waves[w + 1].Id;
                var moves = new SortedDictionary<(int From, int To), List<SchoolId>>();
                foreach (var school in network.Schools)
                {
                    if (!profileOf.TryGetValue((school, from), out var a) || !profileOf.TryGetValue((school, to), out var b)) continue;
                    if (!moves.TryGetValue((a, b), out var schools)) moves[(a, b)] = schools = [];
                    schools.Add(school);
                }
                foreach (var ((a, b), schools) in moves)
                    rows.Add(new ProfileTransition(network.Id, from, to, a, b, schools.Count, schools));
            }
        return rows;
    }
}
