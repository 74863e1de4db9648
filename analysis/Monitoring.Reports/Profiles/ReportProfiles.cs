using Monitoring.Core.Instruments;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;

namespace Monitoring.Reports.Profiles;

/// <summary>
/// The school profiles as the reports need them: centroids in baseline standard deviations, and each
/// school's profile per wave. Schools below the privacy threshold have no profile.
/// </summary>
/// <param name="Scales">The scales of a profile vector, in the order of every centroid's <see cref="ProfileSummary.Z"/>.</param>
/// <param name="BaselineWave">The wave whose school means define the standardization.</param>
/// <param name="Centroids">One per profile.</param>
/// <param name="Assignments">Each school's profile in each wave where it has one.</param>
public sealed record ReportProfiles(
    IReadOnlyList<ScaleId> Scales,
    WaveId BaselineWave,
    IReadOnlyList<ProfileSummary> Centroids,
    IReadOnlyList<ProfileAssignment> Assignments)
{
    /// <summary>Whether the batch found no clear profiles (no centroids then); the reports say so instead of "not computed".</summary>
    public bool NoClearProfiles { get; init; }

    /// <summary>The batch's school profiles as the reports show them; empty with <see cref="NoClearProfiles"/> when there were none to find; null when none were computed.</summary>
    public static ReportProfiles? From(ProfileResults? profiles)
    {
        if (profiles is { NoClearProfiles: true }) return new ReportProfiles(profiles.Scales, profiles.BaselineWave, [], []) { NoClearProfiles = true };
        if (profiles is not { IsComputed: true }) return null;
        return new ReportProfiles(
            profiles.Scales,
            profiles.BaselineWave,
            profiles.Centroids.Select(c => new ProfileSummary(c.Profile, c.Name, c.Values.Select(v => v.Z).ToArray(), c.Size, c.IsStable)).ToArray(),
            profiles.Profiles.Select(p => new ProfileAssignment(p.School, p.Wave, p.Profile)).ToArray());
    }
}
