namespace Monitoring.Core.Results;

/// <summary>A mean with its spread and t-based confidence interval.</summary>
/// <param name="N">Valid scores.</param>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">Sample SD (n − 1); NaN when n &lt; 2.</param>
/// <param name="StandardError">SD / √n; NaN when n &lt; 2.</param>
/// <param name="Lower">Lower bound of the interval (mean − t·SE); NaN when n &lt; 2.</param>
/// <param name="Upper">Upper bound of the interval; NaN when n &lt; 2.</param>
public sealed record Estimate(int N, double Mean, double StandardDeviation, double StandardError, double Lower, double Upper);
