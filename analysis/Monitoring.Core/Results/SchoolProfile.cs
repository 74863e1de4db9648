using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>A school's profile in one wave.</summary>
/// <param name="School">The school.</param>
/// <param name="Network">The school's network, or null for a school in no network.</param>
/// <param name="Wave">The wave.</param>
/// <param name="Profile">The profile's number, 1..k (<see cref="ProfileCentroid.Profile"/>).</param>
/// <param name="Distance">The Euclidean distance from the school's standardized profile vector to the profile's centroid.</param>
public sealed record SchoolProfile(SchoolId School, NetworkId? Network, WaveId Wave, int Profile, double Distance);
