using Monitoring.Core.Settings;

namespace Monitoring.Analysis.Statistics;

/// <summary>
/// Cronbach's alpha of one scale in one set of responses (e.g. one wave), with its item statistics,
/// as computed by <see cref="CronbachAlpha"/>. Every value equals R psych's <c>alpha()</c>
/// (<c>check.keys = FALSE</c>) on the same data and missing-data convention, except in the degenerate
/// cases below.
/// </summary>
/// <param name="Missing">How the item covariances treated missing answers.</param>
/// <param name="N">
/// Pairwise: responses with at least one answered item of the scale (psych's own <c>nsub</c> also counts
/// responses with no answer at all). Listwise: responses that answered every item.
/// </param>
/// <param name="MinPairwiseN">
/// The fewest responses any inter-item covariance rests on (equals <paramref name="N"/> under listwise);
/// 0 when there are fewer than two items.
/// </param>
/// <param name="ItemCount">k, the number of items.</param>
/// <param name="RawAlpha"><c>k / (k − 1) · (1 − tr(C) / ΣC)</c> with C the item covariance matrix (psych: <c>raw_alpha</c>).</param>
/// <param name="StandardizedAlpha">
/// <c>k / (k − 1) · (1 − k / ΣR)</c> with R = cov2cor(C) (psych: <c>std.alpha</c>).
/// </param>
/// <param name="AverageInterItemCorrelation"><c>(ΣR − k) / (k (k − 1))</c>, the mean off-diagonal entry of R (psych: <c>average_r</c>).</param>
/// <param name="Items">One entry per item, in input order.</param>
/// <remarks>
/// Degenerate input gives NaN, never an exception: fewer than two items, an item pair answered together
/// by fewer than two responses, or an item without variance (psych would drop such an item and still
/// report an alpha; an alpha of a different set of items is not this scale's alpha).
/// </remarks>
public sealed record Reliability(
    MissingDataConvention Missing,
    int N,
    int MinPairwiseN,
    int ItemCount,
    double RawAlpha,
    double StandardizedAlpha,
    double AverageInterItemCorrelation,
    IReadOnlyList<ItemReliability> Items);
