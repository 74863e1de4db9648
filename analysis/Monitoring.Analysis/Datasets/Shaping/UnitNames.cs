using Monitoring.Core.Results;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets.Shaping;

/// <summary>The names of the aggregate levels and of their units, as aggregates.csv writes them.</summary>
internal static class UnitNames
{
    /// <summary>[level]: the names of the units, by id.</summary>
    public static Dictionary<string, string>[] Of(Study study)
    {
        var names = new Dictionary<string, string>[(int)Enum.GetValues<AggregateLevel>().Max() + 1];
        foreach (var level in Enum.GetValues<AggregateLevel>()) names[(int)level] = new Dictionary<string, string>(StringComparer.Ordinal);
        names[(int)AggregateLevel.All][study.Id.Value] = study.Name.Nl;
        foreach (var s in study.Schools) names[(int)AggregateLevel.School][s.Id.Value] = s.Name;
        foreach (var n in study.Networks) names[(int)AggregateLevel.Network][n.Id.Value] = n.Name;
        foreach (var t in study.Trajectories) names[(int)AggregateLevel.Trajectory][t.Id.Value] = t.Name;
        return names;
    }
}
