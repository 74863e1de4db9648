using Monitoring.Core.Studies;

namespace Monitoring.Reports.Profiles;

/// <summary>One profile.</summary>
/// <param name="Profile">Its number, 1..k.</param>
/// <param name="Name">A short descriptive name.</param>
/// <param name="Z">The centroid per scale, in baseline standard deviations from the baseline mean.</param>
/// <param name="Size">School-waves in the profile.</param>
/// <param name="IsStable">Whether the profile came back in bootstrap resamples (stable enough to interpret).</param>
public sealed record ProfileSummary(int Profile, LocalizedText Name, IReadOnlyList<double> Z, int Size, bool IsStable);
