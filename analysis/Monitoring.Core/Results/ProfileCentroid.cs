using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>
/// One school profile: the centre of its cluster, its generated name and its stability.
/// </summary>
/// <param name="Profile">The profile's number, 1..k, in the documented order (highest mean standardized score first).</param>
/// <param name="Name">A short name from the centroid's pattern, in Dutch and English, e.g. "hoog op gedeeld leiderschap, laag op draagkracht".</param>
/// <param name="Values">The centroid on each leaf scale, in the order of <see cref="ProfileResults.Scales"/>.</param>
/// <param name="Size">School-waves in the profile, over all waves.</param>
/// <param name="MeanJaccard">The mean, over bootstrap resamples, of the profile's best Jaccard similarity with a refitted cluster (Hennig's clusterboot), in [0, 1].</param>
/// <param name="IsStable">Whether <see cref="MeanJaccard"/> reaches the stability threshold of the settings.</param>
public sealed record ProfileCentroid(int Profile, LocalizedText Name, IReadOnlyList<CentroidValue> Values, int Size, double MeanJaccard, bool IsStable);
