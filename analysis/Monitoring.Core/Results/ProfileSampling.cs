namespace Monitoring.Core.Results;

/// <summary>
/// How many school-wave points each step of the profile computation used. Each sample is a seeded
/// random subset, and equals all points when there are no more than its cap (docs/methods.md).
/// </summary>
/// <param name="Points">School-waves that took part.</param>
/// <param name="FitPoints">Points the ML.NET k-means fits ran on, before the centroids were refined on all points.</param>
/// <param name="SilhouettePoints">Points the average silhouette was computed on (exact when equal to <see cref="Points"/>).</param>
/// <param name="BootstrapPoints">Points the stability bootstrap resampled.</param>
/// <param name="SelectionResamples">Bootstrap resamples behind the stability of the k that were not chosen.</param>
public sealed record ProfileSampling(int Points, int FitPoints, int SilhouettePoints, int BootstrapPoints, int SelectionResamples);
