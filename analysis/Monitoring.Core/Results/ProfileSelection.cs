namespace Monitoring.Core.Results;

/// <summary>
/// The quality of the k-means solution with <see cref="K"/> profiles, so that researchers can review the choice of k.
/// </summary>
/// <param name="K">The number of profiles.</param>
/// <param name="Silhouette">The average silhouette width, in [−1, 1]; higher is better.</param>
/// <param name="DaviesBouldin">The Davies–Bouldin index, ≥ 0; lower is better.</param>
/// <param name="CalinskiHarabasz">The Calinski–Harabasz index (variance ratio), ≥ 0; higher is better.</param>
/// <param name="WithinSumOfSquares">The within-profile sum of squared standardized distances over all points.</param>
/// <param name="Stability">The mean adjusted Rand index between this solution and its refits on bootstrap resamples; 1 is perfectly stable.</param>
/// <param name="Resamples">The bootstrap resamples behind <see cref="Stability"/>.</param>
/// <param name="IsChosen">Whether this is the k of the reported profiles.</param>
public sealed record ProfileSelection(
    int K,
    double Silhouette,
    double DaviesBouldin,
    double CalinskiHarabasz,
    double WithinSumOfSquares,
    double Stability,
    int Resamples,
    bool IsChosen)
{
    /// <summary>
    /// The BIC of a Gaussian mixture of <see cref="K"/> components with a shared diagonal covariance (mclust's "EEI"),
    /// <c>2·log L − p·ln n</c>: higher is better. The choice of k maximizes it, against one component too
    /// (<see cref="ProfileResults.SingleGroupBic"/>). NaN when not computed.
    /// </summary>
    public double Bic { get; init; } = double.NaN;
}
