using Monitoring.Core.Results;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Aggregation;

/// <summary>The study's units as indexes: each school's network, each network's trajectory, and the ids per level.</summary>
internal sealed class UnitIndex
{
    public UnitIndex(Study study)
    {
        var networkIndex = study.Networks.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var trajectoryIndex = study.Trajectories.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i);
        SchoolNetwork = study.Schools.Select(s => networkIndex[study.NetworkOf(s.Id)!.Id]).ToArray();
        NetworkTrajectory = study.Networks.Select(n => trajectoryIndex[n.Trajectory]).ToArray();
        Ids = new Dictionary<AggregateLevel, string[]>
        {
            [AggregateLevel.School] = study.Schools.Select(s => s.Id.Value).ToArray(),
            [AggregateLevel.Network] = study.Networks.Select(n => n.Id.Value).ToArray(),
            [AggregateLevel.Trajectory] = study.Trajectories.Select(t => t.Id.Value).ToArray(),
            [AggregateLevel.All] = [study.Id.Value],
        };
    }

    /// <summary>Per school: its network's index.</summary>
    public int[] SchoolNetwork { get; }

    /// <summary>Per network: its trajectory's index.</summary>
    public int[] NetworkTrajectory { get; }

    public IReadOnlyDictionary<AggregateLevel, string[]> Ids { get; }

    /// <summary>Per level, the index of each unit's parent at the next level (all → none).</summary>
    public int[] Parents(AggregateLevel level) => level switch
    {
        AggregateLevel.School => SchoolNetwork,
        AggregateLevel.Network => NetworkTrajectory,
        AggregateLevel.Trajectory => new int[Ids[AggregateLevel.Trajectory].Length],
        _ => [],
    };
}
