using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>
/// The school profiles of a study: k-means clusters of school-wave profile vectors (the school's means
/// on the leaf scales, standardized against the baseline wave), with the choice of k, the stability of
/// each profile and the movement of schools between profiles (docs/methods.md, "School profiles").
/// </summary>
/// <param name="Scales">The leaf scales that make up a profile vector, in study order: the order of every centroid's values.</param>
/// <param name="BaselineWave">The wave whose school means define the standardization (the study's first wave).</param>
/// <param name="Reference">Per leaf scale, the mean and SD of the baseline school means used to standardize every wave.</param>
/// <param name="K">The number of profiles: chosen by the highest BIC of a Gaussian mixture, or forced; 0 when <see cref="NotComputedReason"/> is set.</param>
/// <param name="KWasForced">Whether <see cref="K"/> was forced by the settings instead of chosen.</param>
/// <param name="Seed">The seed of every random choice (ML.NET contexts, samples, bootstrap resamples).</param>
/// <param name="Restarts">k-means fits per k; the one with the lowest within-cluster sum of squares is kept.</param>
/// <param name="BootstrapResamples">Bootstrap resamples behind the chosen k's Jaccard similarities and stability.</param>
/// <param name="Sampling">How many points each step used (all of them for small studies).</param>
/// <param name="Selection">One row per k tried, ascending by k.</param>
/// <param name="Centroids">One per profile, numbered 1..<see cref="K"/>.</param>
/// <param name="Profiles">Each school's profile at each wave it took part in, by school (study order) then wave.</param>
/// <param name="Transitions">Per network and pair of consecutive waves, how many schools went from which profile to which.</param>
/// <param name="LeftOut">School-waves with some scores that could not take part, each with its reason.</param>
/// <param name="NotComputedReason">Why no profiles were computed (too few school-waves, no spread at baseline), or null.</param>
public sealed record ProfileResults(
    IReadOnlyList<ScaleId> Scales,
    WaveId BaselineWave,
    IReadOnlyList<ScaleReference> Reference,
    int K,
    bool KWasForced,
    int Seed,
    int Restarts,
    int BootstrapResamples,
    ProfileSampling Sampling,
    IReadOnlyList<ProfileSelection> Selection,
    IReadOnlyList<ProfileCentroid> Centroids,
    IReadOnlyList<SchoolProfile> Profiles,
    IReadOnlyList<ProfileTransition> Transitions,
    IReadOnlyList<LeftOutSchool> LeftOut,
    string? NotComputedReason)
{
    /// <summary>Whether profiles were computed.</summary>
    public bool IsComputed => NotComputedReason is null;

    /// <summary>
    /// Whether the points were clustered but no k ≥ 2 was supported: one Gaussian (k = 1) had the highest BIC. Then
    /// <see cref="K"/> is 0, <see cref="NotComputedReason"/> says so and <see cref="Selection"/> holds every k tried.
    /// </summary>
    public bool NoClearProfiles { get; init; }

    /// <summary>The BIC of one Gaussian component (no profiles) over the same points; NaN when not computed or k was forced.</summary>
    public double SingleGroupBic { get; init; } = double.NaN;
}
