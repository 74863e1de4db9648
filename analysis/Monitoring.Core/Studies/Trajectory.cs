namespace Monitoring.Core.Studies;

/// <summary>A professionalisation project ("traject") run by one organisation.</summary>
/// <param name="Id">The trajectory's id.</param>
/// <param name="Name">The project's name, e.g. "COLIBRU".</param>
/// <param name="Organisation">The organisation that runs it, e.g. a university college.</param>
public sealed record Trajectory(TrajectoryId Id, string Name, string? Organisation);
