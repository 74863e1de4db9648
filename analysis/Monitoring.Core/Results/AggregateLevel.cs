namespace Monitoring.Core.Results;

/// <summary>The level of an aggregate, from the smallest unit to the whole study.</summary>
public enum AggregateLevel
{
    /// <summary>One school.</summary>
    School,

    /// <summary>One network.</summary>
    Network,

    /// <summary>One trajectory.</summary>
    Trajectory,

    /// <summary>The whole study.</summary>
    All,
}
