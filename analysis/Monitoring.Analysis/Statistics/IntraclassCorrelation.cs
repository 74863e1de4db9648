using System.Buffers;
using System.Runtime.CompilerServices;

namespace Monitoring.Analysis.Statistics;

/// <summary>
/// ICC(1) and ICC(2) from the mean squares of a one-way ANOVA of a score on its group (Bliese 2000), for
/// unbalanced groups with the adjusted group size k0; see <see cref="IntraclassCorrelations"/> and
/// <c>docs/methods.md</c> ("Intraclass correlations").
/// </summary>
/// <remarks>
/// Missing (<see cref="float.NaN"/>) values are skipped. A group enters the ANOVA when it has at least one
/// value, as in R's <c>aov(y ~ factor(group))</c>: a group of one adds to the between-group sum of squares
/// and no within-group degree of freedom. Empty groups are ignored. Two passes over the values, one
/// pooled array of per-group sums and counts.
/// </remarks>
public static class IntraclassCorrelation
{
    /// <summary>ICCs of <paramref name="values"/>, value i belonging to group <c>groups[i]</c>.</summary>
    /// <param name="values">The scores; NaN = missing.</param>
    /// <param name="groups">The group of each value, in [0, <paramref name="groupCount"/>).</param>
    /// <param name="groupCount">The number of possible groups (e.g. schools in the study).</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A group index is outside [0, groupCount).</exception>
    public static IntraclassCorrelations Compute(
        ReadOnlySpan<float> values, ReadOnlySpan<int> groups, int groupCount)
    {
        if (groups.Length != values.Length)
        {
            throw new ArgumentException("Every value needs a group.", nameof(groups));
        }

        return Compute(values, groups, [], allRows: true, groupCount);
    }

    /// <summary>ICCs of the responses <paramref name="rows"/> (e.g. one wave).</summary>
    /// <param name="values">A column with one score per response; NaN = missing.</param>
    /// <param name="groups">A column with the group of each response, in [0, <paramref name="groupCount"/>).</param>
    /// <param name="rows">Indices into both columns.</param>
    /// <param name="groupCount">The number of possible groups (e.g. schools in the study).</param>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A group index is outside [0, groupCount).</exception>
    /// <exception cref="IndexOutOfRangeException">A row index is outside the columns.</exception>
    public static IntraclassCorrelations Compute(
        ReadOnlySpan<float> values, ReadOnlySpan<int> groups, ReadOnlySpan<int> rows, int groupCount)
    {
        if (groups.Length != values.Length)
        {
            throw new ArgumentException("Every value needs a group.", nameof(groups));
        }

        return Compute(values, groups, rows, allRows: false, groupCount);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IntraclassCorrelations Compute(
        ReadOnlySpan<float> values, ReadOnlySpan<int> groups, ReadOnlySpan<int> rows, bool allRows, int groupCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(groupCount);
        double[] sums = ArrayPool<double>.Shared.Rent(groupCount);
        int[] counts = ArrayPool<int>.Shared.Rent(groupCount);
        try
        {
            Array.Clear(sums, 0, groupCount);
            Array.Clear(counts, 0, groupCount);
            int rowCount = allRows ? values.Length : rows.Length;
            int n = 0;
            double total = 0;
            for (int r = 0; r < rowCount; r++)
            {
                int index = allRows ? r : rows[r];
                float value = values[index];
                if (float.IsNaN(value))
                {
                    continue;
                }

                int group = groups[index];
                if ((uint)group >= (uint)groupCount)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(groups), group, $"Group indices must lie in [0, {groupCount}).");
                }

                sums[group] += value;
                counts[group]++;
                total += value;
                n++;
            }

            int groupsUsed = 0;
            double sumOfSquaredSizes = 0;
            for (int g = 0; g < groupCount; g++)
            {
                if (counts[g] > 0)
                {
                    groupsUsed++;
                    sumOfSquaredSizes += (double)counts[g] * counts[g];
                    sums[g] /= counts[g]; // from here on: the group mean
                }
            }

            double grandMean = total / n;
            double between = 0;
            for (int g = 0; g < groupCount; g++)
            {
                if (counts[g] > 0)
                {
                    double deviation = sums[g] - grandMean;
                    between += counts[g] * deviation * deviation;
                }
            }

            double within = 0;
            for (int r = 0; r < rowCount; r++)
            {
                int index = allRows ? r : rows[r];
                float value = values[index];
                if (!float.IsNaN(value))
                {
                    double deviation = value - sums[groups[index]];
                    within += deviation * deviation;
                }
            }

            return FromSums(n, groupsUsed, sumOfSquaredSizes, between, within);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sums);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    private static IntraclassCorrelations FromSums(
        int n, int groupCount, double sumOfSquaredSizes, double between, double within)
    {
        double meanGroupSize = groupCount > 0 ? (double)n / groupCount : double.NaN;
        double k0 = groupCount > 1 ? (n - (sumOfSquaredSizes / n)) / (groupCount - 1) : double.NaN;
        double msb = groupCount > 1 ? between / (groupCount - 1) : double.NaN;
        double msw = n > groupCount ? within / (n - groupCount) : double.NaN;
        double icc1 = FiniteOrNaN((msb - msw) / (msb + ((k0 - 1) * msw)));
        double icc2 = msb > 0 ? (msb - msw) / msb : double.NaN;
        return new IntraclassCorrelations(n, groupCount, meanGroupSize, k0, msb, msw, icc1, icc2);
    }

    private static double FiniteOrNaN(double value) => double.IsFinite(value) ? value : double.NaN;
}
