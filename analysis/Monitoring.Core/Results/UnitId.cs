using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>
/// Identifies a unit results are given for: a school, network or trajectory by its id, or the whole study
/// (<see cref="AggregateLevel.All"/>, by the study's id). Two units of different levels never compare equal.
/// </summary>
/// <param name="Level">The unit's level.</param>
/// <param name="Value">The school, network, trajectory or study id.</param>
public readonly record struct UnitId(AggregateLevel Level, string Value)
{
    /// <summary>A school as a unit.</summary>
    public static UnitId Of(SchoolId school) => new(AggregateLevel.School, school.Value);

    /// <summary>A network as a unit.</summary>
    public static UnitId Of(NetworkId network) => new(AggregateLevel.Network, network.Value);

    /// <summary>A trajectory as a unit.</summary>
    public static UnitId Of(TrajectoryId trajectory) => new(AggregateLevel.Trajectory, trajectory.Value);

    /// <summary>The whole study as a unit.</summary>
    public static UnitId Of(StudyId study) => new(AggregateLevel.All, study.Value);

    /// <inheritdoc/>
    public override string ToString() => Value;
}
