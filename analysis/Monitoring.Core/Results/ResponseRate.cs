using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>
/// Kept responses of a school in a wave against its staff count. <see cref="Suppressed"/> withholds
/// the count and rate from coordinators when the count is below the privacy threshold.
/// </summary>
public sealed record ResponseRate(SchoolId School, WaveId Wave, int Responses, int? Staff, double? Rate, bool Suppressed);
