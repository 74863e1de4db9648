using Monitoring.Core.Privacy;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>
/// Kept responses of a school in a wave against its staff count. <see cref="Suppressed"/> withholds the count and
/// rate from coordinators; <see cref="Disclosure"/> is the school-wave's one decision, the same as its aggregates'.
/// </summary>
/// <param name="School">The school.</param>
/// <param name="Wave">The wave.</param>
/// <param name="Responses">Kept responses (researchers only when suppressed).</param>
/// <param name="Staff">Staff count in the wave, when known.</param>
/// <param name="Rate">Responses / staff, when the staff count is known and positive.</param>
/// <param name="Disclosure">The school-wave's disclosure decision.</param>
/// <param name="Submissions">Every submission read for the school-wave, excluded ones included (the basis of <see cref="Privacy.Disclosure.Withheld"/>).</param>
public sealed record ResponseRate(SchoolId School, WaveId Wave, int Responses, int? Staff, double? Rate, Disclosure Disclosure, int Submissions)
{
    /// <summary>Whether the count and rate are withheld from coordinators.</summary>
    public bool Suppressed => Disclosure != Disclosure.Shown;
}
