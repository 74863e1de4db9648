namespace Monitoring.Analysis.Statistics;

/// <summary>How one item of a scale behaves within the scale; part of a <see cref="Reliability"/>.</summary>
/// <param name="Index">The item's position in the item columns given to <see cref="CronbachAlpha"/>.</param>
/// <param name="N">
/// Responses that answered this item (psych: <c>item.stats$n</c>); under the listwise convention the
/// number of complete responses.
/// </param>
/// <param name="AlphaIfDeleted">
/// Raw alpha of the other k − 1 items, from the covariance matrix without this item's row and column
/// (psych: <c>alpha.drop[, "raw_alpha"]</c>). NaN when k ≤ 2 (an alpha of one item is undefined;
/// psych reports <c>C[1,2] / C[2,2]</c> there) or when the scale's alpha is NaN.
/// </param>
/// <param name="CorrectedItemTotalCorrelation">
/// Correlation of the item with the sum of the other items, from the covariance matrix C:
/// <c>(Σ_j C[i,j] − C[i,i]) / sqrt(C[i,i] · Σ_{j,l≠i} C[j,l])</c> (psych: <c>item.stats$r.drop</c>).
/// NaN when the scale's alpha is NaN.
/// </param>
public sealed record ItemReliability(int Index, int N, double AlphaIfDeleted, double CorrectedItemTotalCorrelation);
