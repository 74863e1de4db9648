namespace Monitoring.Analysis.Statistics;

/// <summary>The usual summary of a set of scores, as computed by <see cref="Descriptives"/>.</summary>
/// <param name="N">Non-missing values.</param>
/// <param name="Mean">Arithmetic mean; NaN when n = 0.</param>
/// <param name="StandardDeviation">Sample standard deviation, n − 1 denominator; NaN when n &lt; 2.</param>
/// <param name="StandardError"><c>sd / sqrt(n)</c>; NaN when n &lt; 2.</param>
/// <param name="ConfidenceLevel">The two-sided level of the interval, in (0, 1).</param>
/// <param name="Lower"><c>mean − t_{(1+level)/2, n−1} · se</c>; NaN when n &lt; 2.</param>
/// <param name="Upper"><c>mean + t_{(1+level)/2, n−1} · se</c>; NaN when n &lt; 2.</param>
public sealed record DescriptiveStatistics(
    int N,
    double Mean,
    double StandardDeviation,
    double StandardError,
    double ConfidenceLevel,
    double Lower,
    double Upper);
