namespace Monitoring.Analysis.Statistics;

/// <summary>
/// Change of linked respondents between two waves, later − earlier; computed by
/// <see cref="Change.Paired(ReadOnlySpan{float}, ReadOnlySpan{float}, double)"/>. Only pairs with both
/// scores present count; every statistic, the wave means and SDs included, is over those pairs.
/// </summary>
/// <param name="N">Pairs with both scores present.</param>
/// <param name="EarlierMean">Mean of the earlier scores of those pairs.</param>
/// <param name="LaterMean">Mean of the later scores of those pairs.</param>
/// <param name="MeanDifference"><c>mean(d)</c> with <c>d = later − earlier</c>; NaN when n = 0.</param>
/// <param name="StandardDeviationOfDifferences"><c>s_d</c>, n − 1 denominator; NaN when n &lt; 2.</param>
/// <param name="StandardError"><c>s_d / sqrt(n)</c>; NaN when n &lt; 2.</param>
/// <param name="DegreesOfFreedom"><c>n − 1</c>.</param>
/// <param name="ConfidenceLevel">The two-sided level of the interval, in (0, 1).</param>
/// <param name="Lower"><c>mean(d) − t_{(1+level)/2, n−1} · se</c> (R: <c>t.test(later, earlier, paired = TRUE)</c>); NaN when n &lt; 2.</param>
/// <param name="Upper"><c>mean(d) + t_{(1+level)/2, n−1} · se</c>; NaN when n &lt; 2.</param>
/// <param name="CohensDz"><c>d_z = mean(d) / s_d</c>, the standardized mean difference of the differences; NaN when s_d = 0 or undefined.</param>
/// <param name="CohensDav">
/// <c>d_av = mean(d) / ((s_earlier + s_later) / 2)</c> (Lakens 2013), on the scale of the scores' own SD and so
/// comparable with <see cref="IndependentChange.CohensD"/>; NaN when the average SD is 0 or undefined.
/// </param>
public sealed record PairedChange(
    int N,
    double EarlierMean,
    double LaterMean,
    double MeanDifference,
    double StandardDeviationOfDifferences,
    double StandardError,
    double DegreesOfFreedom,
    double ConfidenceLevel,
    double Lower,
    double Upper,
    double CohensDz,
    double CohensDav);
