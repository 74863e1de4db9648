namespace Monitoring.Core.Results;

/// <summary>
/// The paired change of the linked respondents alone (same linkage code, same school, a score in both waves),
/// later − earlier: paired t interval, d_z and d_av (Lakens 2013), uncorrected. Shown only when at least the
/// privacy threshold of pairs took part; otherwise every statistic is null.
/// </summary>
/// <param name="Pairs">The number of pairs (shown also when the statistics are withheld: a count, not a score).</param>
/// <param name="MeanDifference">Mean of the differences.</param>
/// <param name="Lower">Lower bound of the paired t interval at the study's confidence level.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="CohensDz">Mean difference / SD of the differences.</param>
/// <param name="CohensDav">Mean difference / mean of the two waves' SDs (of the pairs).</param>
public sealed record LinkedChange(int Pairs, double? MeanDifference, double? Lower, double? Upper, double? CohensDz, double? CohensDav);
