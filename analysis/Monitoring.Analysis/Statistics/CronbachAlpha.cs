using Monitoring.Analysis.Responses;
using Monitoring.Core.Settings;

namespace Monitoring.Analysis.Statistics;

/// <summary>
/// Cronbach's (1951) alpha with the item statistics of R psych's <c>alpha()</c> (Revelle), computed from
/// the item covariance matrix C of the chosen rows.
/// </summary>
/// <remarks>
/// <para>
/// Items are columns, one <see cref="float"/> per response, <see cref="float.NaN"/> for a missing answer,
/// reverse-keyed items already recoded. C is computed as R's <c>cov()</c>: under
/// <see cref="MissingDataConvention.Pairwise"/> (psych's default <c>use = "pairwise"</c>) each entry from the
/// responses that answered both items, with those responses' means; under
/// <see cref="MissingDataConvention.Listwise"/> from the responses that answered every item. All
/// statistics follow from C, as in psych; see <see cref="Reliability"/> and <see cref="ItemReliability"/>
/// for the formulas and <c>docs/methods.md</c> ("Reliability").
/// </para>
/// <para>One pass over the rows, O(n·k²) SIMD work, allocations of O(k²) only.</para>
/// </remarks>
public static class CronbachAlpha
{
    /// <summary>Alpha over every response.</summary>
    /// <param name="items">One column per item, all of the same length.</param>
    /// <param name="missing">How missing answers are treated; psych's default is pairwise.</param>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public static Reliability Compute(
        IReadOnlyList<float[]> items, MissingDataConvention missing = MissingDataConvention.Pairwise)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Compute(ToSpan(items), [], allRows: true, missing);
    }

    /// <summary>Alpha over a subset of responses (e.g. one wave).</summary>
    /// <param name="items">One column per item, all of the same length.</param>
    /// <param name="rows">Indices into the columns of the responses to use.</param>
    /// <param name="missing">How missing answers are treated; psych's default is pairwise.</param>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    /// <exception cref="IndexOutOfRangeException">A row index is outside the columns.</exception>
    public static Reliability Compute(
        IReadOnlyList<float[]> items,
        ReadOnlySpan<int> rows,
        MissingDataConvention missing = MissingDataConvention.Pairwise)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Compute(ToSpan(items), rows, allRows: false, missing);
    }

    /// <summary>Alpha over a subset of responses, from columns of a response table.</summary>
    internal static Reliability Compute(ItemColumn[] items, ReadOnlySpan<int> rows, MissingDataConvention missing) =>
        Compute(items, rows, allRows: false, missing);

    private static ItemColumn[] ToSpan(IReadOnlyList<float[]> items)
    {
        var columns = new ItemColumn[items.Count];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = new ItemColumn(items[i] ?? throw new ArgumentNullException(nameof(items)));
        }

        return columns;
    }

    private static Reliability Compute(
        ReadOnlySpan<ItemColumn> items, ReadOnlySpan<int> rows, bool allRows, MissingDataConvention missing)
    {
        var covariance = ItemCovariance.Compute(items, rows, allRows, missing);
        return FromCovariance(covariance, missing);
    }

    private static Reliability FromCovariance(ItemCovariance covariance, MissingDataConvention missing)
    {
        int k = covariance.ItemCount;
        var c = covariance.Covariance;
        var counts = covariance.PairCount;

        int minPairwiseN = 0;
        if (k >= 2)
        {
            minPairwiseN = int.MaxValue;
            for (int i = 0; i < k; i++)
            {
                for (int j = i + 1; j < k; j++)
                {
                    minPairwiseN = Math.Min(minPairwiseN, counts[(i * k) + j]);
                }
            }
        }

        var items = new ItemReliability[k];
        if (!IsUsable(c, k))
        {
            for (int i = 0; i < k; i++)
            {
                items[i] = new ItemReliability(i, counts[(i * k) + i], double.NaN, double.NaN);
            }

            return new Reliability(
                missing, covariance.RowsUsed, minPairwiseN, k, double.NaN, double.NaN, double.NaN, items);
        }

        // rowSum[i] = Σ_j C[i,j]; the drop-one sums follow from it without re-summing sub-matrices.
        var rowSum = new double[k];
        double sumC = 0, traceC = 0, sumR = 0;
        for (int i = 0; i < k; i++)
        {
            double ci = c[(i * k) + i];
            traceC += ci;
            for (int j = 0; j < k; j++)
            {
                double cij = c[(i * k) + j];
                rowSum[i] += cij;
                sumR += cij / Math.Sqrt(ci * c[(j * k) + j]);
            }

            sumC += rowSum[i];
        }

        double rawAlpha = AlphaFromSums(k, traceC, sumC);
        double standardizedAlpha = (1 - (k / sumR)) * k / (k - 1);
        double averageR = (sumR - k) / (k * (k - 1.0));

        for (int i = 0; i < k; i++)
        {
            double cii = c[(i * k) + i];
            double sumWithout = sumC - (2 * rowSum[i]) + cii;
            double alphaIfDeleted = k > 2 ? AlphaFromSums(k - 1, traceC - cii, sumWithout) : double.NaN;
            double rDrop = (rowSum[i] - cii) / Math.Sqrt(cii * sumWithout);
            items[i] = new ItemReliability(i, counts[(i * k) + i], alphaIfDeleted, rDrop);
        }

        return new Reliability(
            missing, covariance.RowsUsed, minPairwiseN, k, rawAlpha, standardizedAlpha, averageR, items);
    }

    private static double AlphaFromSums(int k, double trace, double sum) => (1 - (trace / sum)) * k / (k - 1);

    private static bool IsUsable(double[] c, int k)
    {
        if (k < 2)
        {
            return false;
        }

        foreach (double value in c)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        for (int i = 0; i < k; i++)
        {
            if (!(c[(i * k) + i] > 0))
            {
                return false;
            }
        }

        return true;
    }
}
