namespace Monitoring.Analysis.Measurement;

/// <summary>
/// The sufficient statistics of one group's complete cases: their number, the item means and the
/// covariance matrix with an N denominator (lavaan's <c>likelihood = "normal"</c>).
/// </summary>
/// <param name="Count">Complete cases.</param>
/// <param name="Means">Item means.</param>
/// <param name="Covariance">Row-major k × k covariances, divided by N.</param>
public sealed record SampleMoments(long Count, IReadOnlyList<double> Means, IReadOnlyList<double> Covariance)
{
    /// <summary>From an n − 1 covariance matrix (as R's <c>cov()</c>), rescaled by (n − 1) / n.</summary>
    public static SampleMoments FromUnbiased(long count, IReadOnlyList<double> means, IReadOnlyList<double> covariance)
    {
        double scale = count > 0 ? (count - 1.0) / count : double.NaN;
        return new SampleMoments(count, means, [.. covariance.Select(c => c * scale)]);
    }
}
