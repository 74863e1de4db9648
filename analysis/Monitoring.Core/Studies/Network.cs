namespace Monitoring.Core.Studies;

/// <summary>
/// A network ("samenwerkingsverband", "lerend netwerk") of at least
/// <see cref="MinimumSchools"/> schools that follow one trajectory together.
/// </summary>
public sealed record Network
{
    /// <summary>The smallest network the programme allows.</summary>
    public const int MinimumSchools = 4;

    /// <summary>Creates a network.</summary>
    /// <exception cref="ArgumentException">When it has fewer than <see cref="MinimumSchools"/> schools.</exception>
    public Network(NetworkId id, string name, TrajectoryId trajectory, IReadOnlyList<SchoolId> schools)
    {
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentOutOfRangeException.ThrowIfLessThan(schools.Count, MinimumSchools, nameof(schools));
        Id = id;
        Name = name;
        Trajectory = trajectory;
        Schools = schools;
    }

    /// <summary>The network's id.</summary>
    public NetworkId Id { get; }

    /// <summary>The network's display name.</summary>
    public string Name { get; }

    /// <summary>The trajectory the network follows.</summary>
    public TrajectoryId Trajectory { get; }

    /// <summary>The network's schools, in definition order.</summary>
    public IReadOnlyList<SchoolId> Schools { get; }
}
