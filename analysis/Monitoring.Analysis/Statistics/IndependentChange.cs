namespace Monitoring.Analysis.Statistics;

/// <summary>
/// Change of a mean between two waves with different (unlinked) respondents, later − earlier; computed by
/// <see cref="Change.Independent(ReadOnlySpan{float}, ReadOnlySpan{float}, double)"/>.
/// </summary>
/// <param name="Earlier">The earlier wave's scores, with their own interval at the same level.</param>
/// <param name="Later">The later wave's scores, with their own interval at the same level.</param>
/// <param name="Difference"><c>mean_later − mean_earlier</c>; NaN when either wave has no value.</param>
/// <param name="StandardError">Welch's <c>sqrt(s₁²/n₁ + s₂²/n₂)</c>; NaN when either n &lt; 2.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite <c>(s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1))</c>; NaN when either n &lt; 2 or se = 0.</param>
/// <param name="ConfidenceLevel">The two-sided level of the interval, in (0, 1).</param>
/// <param name="Lower"><c>Difference − t_{(1+level)/2, df} · se</c> (R: <c>t.test(later, earlier)</c>); NaN when either n &lt; 2; equal to the difference when se = 0.</param>
/// <param name="Upper"><c>Difference + t_{(1+level)/2, df} · se</c>; NaN when either n &lt; 2; equal to the difference when se = 0.</param>
/// <param name="CohensD">
/// <c>Difference / s_p</c> with the pooled SD <c>s_p = sqrt(((n₁−1)s₁² + (n₂−1)s₂²) / (n₁+n₂−2))</c> (Cohen 1988);
/// no small-sample correction. NaN when either n &lt; 2 or s_p = 0.
/// </param>
public sealed record IndependentChange(
    DescriptiveStatistics Earlier,
    DescriptiveStatistics Later,
    double Difference,
    double StandardError,
    double DegreesOfFreedom,
    double ConfidenceLevel,
    double Lower,
    double Upper,
    double CohensD);
