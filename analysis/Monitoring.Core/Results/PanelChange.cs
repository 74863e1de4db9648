namespace Monitoring.Core.Results;

/// <summary>
/// The change of a unit's mean that uses linked and unlinked respondents together: the partially overlapping
/// samples t interval of Derrick, Toher and White (2017, T_new2) over all scores of both waves, with the
/// between-wave correlation of the linked respondents (docs/methods.md, "Change with the panel"). Its difference
/// is <see cref="ChangeEstimate.Difference"/>: the means of all scores.
/// </summary>
/// <param name="Pairs">Linked respondents with a score in both waves (same linkage code, same school).</param>
/// <param name="StandardError"><c>sqrt(s₁²/n₁ + s₂²/n₂ − 2·r·s₁·s₂·n_pairs/(n₁·n₂))</c>; null when undefined.</param>
/// <param name="DegreesOfFreedom">Derrick et al.'s df; null when undefined.</param>
/// <param name="Lower">Lower bound of the interval at the study's confidence level; null when undefined.</param>
/// <param name="Upper">Upper bound; null when undefined.</param>
/// <param name="HedgesG">Cohen's d with the pooled SD of all scores, times Hedges' J(n₁ + n₂ − 2); null when undefined.</param>
public sealed record PanelChange(int Pairs, double? StandardError, double? DegreesOfFreedom, double? Lower, double? Upper, double? HedgesG)
{
    /// <summary>
    /// Whether <see cref="Pairs"/> may be shown: false when the linked pairs' count is hidden by the disclosure rule on pair
    /// counts (fewer than the threshold, or complementary to another unit's), like the paired statistics.
    /// </summary>
    public bool PairsShown { get; init; } = true;

    /// <summary>Whether the interval excludes zero.</summary>
    public bool IsSignificant => Lower is { } low && Upper is { } high && (low > 0 || high < 0);
}
