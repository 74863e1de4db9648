using Monitoring.Analysis.Responses;
using Monitoring.Analysis.Statistics;
using Monitoring.Core.Settings;

namespace Monitoring.Analysis.Measurement;

/// <summary>
/// One group's <see cref="SampleMoments"/> from the rows that answered every item (listwise), in one SIMD
/// pass over the typed item columns (<see cref="ItemCovariance"/>); the rows themselves never reach the optimiser.
/// </summary>
internal static class CompleteCases
{
    public static SampleMoments Moments(ReadOnlySpan<ItemColumn> columns, ReadOnlySpan<int> rows, bool allRows = false)
    {
        var covariance = ItemCovariance.Compute(columns, rows, allRows, MissingDataConvention.Listwise);
        return SampleMoments.FromUnbiased(covariance.RowsUsed, covariance.Means, covariance.Covariance);
    }
}
