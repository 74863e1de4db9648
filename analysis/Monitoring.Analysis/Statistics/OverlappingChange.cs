namespace Monitoring.Analysis.Statistics;

/// <summary>
/// Change of a mean between two waves whose samples partly overlap (linked respondents in both, the others in one):
/// the partially overlapping samples t interval of Derrick, Toher and White (2017), <c>T_new2</c>, later − earlier.
/// Computed by <see cref="Change.Overlapping(Moments, Moments, CoMoments, double)"/>.
/// </summary>
/// <param name="Difference"><c>x̄₂ − x̄₁</c>, the means of all scores of each wave (linked or not).</param>
/// <param name="StandardError"><c>sqrt(s₁²/n₁ + s₂²/n₂ − 2·r·s₁·s₂·n_c/(n₁·n₂))</c> with s of all scores of each wave and r of the n_c pairs (r = 0 when undefined); NaN when either n &lt; 2.</param>
/// <param name="DegreesOfFreedom"><c>(n_c − 1) + (γ − n_c + 1)·(n_a + n_b)/(n_a + n_b + 2·n_c)</c> with γ Welch's df and n_a, n_b the unlinked scores of each wave; Welch's df when n_c = 0, n_c − 1 when every score is linked.</param>
/// <param name="Pairs">n_c, the linked respondents with a score in both waves.</param>
/// <param name="Correlation">r of the pairs, NaN when undefined (fewer than 2 pairs, or no spread).</param>
/// <param name="Lower"><c>Difference − t_{(1+level)/2, df} · se</c>; the difference itself when se = 0.</param>
/// <param name="Upper"><c>Difference + t_{(1+level)/2, df} · se</c>.</param>
/// <param name="HedgesG">Cohen's d with the pooled SD of all scores of both waves (as <see cref="IndependentChange.CohensD"/>), times Hedges' J(n₁ + n₂ − 2).</param>
internal readonly record struct OverlappingChange(
    double Difference, double StandardError, double DegreesOfFreedom, int Pairs, double Correlation, double Lower, double Upper, double HedgesG);
