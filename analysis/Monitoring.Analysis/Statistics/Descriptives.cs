namespace Monitoring.Analysis.Statistics;

/// <summary>
/// n, mean, standard deviation, standard error and a two-sided Student-t confidence interval of the mean
/// (R: <c>t.test(x, conf.level = level)$conf.int</c>). <see cref="float.NaN"/> values are skipped.
/// </summary>
/// <remarks>Two passes (mean, then squared deviations) with <see cref="double"/> sums; no allocation.</remarks>
public static class Descriptives
{
    /// <summary>Describes every value.</summary>
    /// <param name="values">The values; NaN = missing.</param>
    /// <param name="confidenceLevel">Two-sided level of the interval, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public static DescriptiveStatistics Compute(ReadOnlySpan<float> values, double confidenceLevel = 0.95)
    {
        TInterval.ValidateLevel(confidenceLevel, nameof(confidenceLevel));
        return From(Moments.Of(values, [], allRows: true), confidenceLevel);
    }

    /// <summary>Describes <c>values[rows[i]]</c> for every i (e.g. one school in one wave).</summary>
    /// <param name="values">A column with one value per response; NaN = missing.</param>
    /// <param name="rows">Indices into <paramref name="values"/>.</param>
    /// <param name="confidenceLevel">Two-sided level of the interval, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    /// <exception cref="IndexOutOfRangeException">A row index is outside the column.</exception>
    public static DescriptiveStatistics Compute(
        ReadOnlySpan<float> values, ReadOnlySpan<int> rows, double confidenceLevel = 0.95)
    {
        TInterval.ValidateLevel(confidenceLevel, nameof(confidenceLevel));
        return From(Moments.Of(values, rows, allRows: false), confidenceLevel);
    }

    internal static DescriptiveStatistics From(Moments moments, double confidenceLevel)
    {
        int n = moments.N;
        double sd = Math.Sqrt(moments.Variance);
        double se = sd / Math.Sqrt(n);
        double halfWidth = TInterval.Quantile(confidenceLevel, n - 1) * se;
        return new DescriptiveStatistics(
            n, moments.Mean, sd, se, confidenceLevel, moments.Mean - halfWidth, moments.Mean + halfWidth);
    }
}
