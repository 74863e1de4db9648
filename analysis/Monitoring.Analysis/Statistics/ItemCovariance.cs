using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Settings;
using System.Runtime.CompilerServices;

namespace Monitoring.Analysis.Statistics;

/// <summary>
/// The item covariance matrix of a set of rows, as R's <c>cov(x, use = "pairwise")</c> or
/// <c>cov(na.omit(x))</c> computes it: each entry from the rows that answered both items (pairwise),
/// or from the rows that answered every item (listwise), with the means of exactly those rows and
/// an n − 1 denominator.
/// </summary>
/// <remarks>
/// <para>
/// One pass over the rows, in blocks of 128 rows copied column-major into a <see cref="double"/> buffer
/// (widened from <see cref="float"/> with SIMD). Each item is
/// shifted by its first observed value (inside the data's range, so the cross-product sums do not cancel
/// catastrophically), and a missing answer becomes 0. Per block, SIMD dot products give every pair's
/// cross-products Q[i,j] = Σ dᵢdⱼ, which are then exactly the sums over the rows that answered both, and
/// each item's sum T[i] = Σ dᵢ over the rows that answered it.
/// </para>
/// <para>
/// Pairwise, the pair's own row count and sums follow from corrections gathered from the incomplete rows
/// only, which cost O(k) per missing answer: for each row missing item j, U[j,i] += dᵢ and M[j,i] += 1 when
/// item i was answered. Then n_ij = A_i − M[j,i] (A_i: rows that answered i), the sum of item i over the
/// rows that answered both is T[i] − U[j,i], and C[i,j] = (Q[i,j] − S_i|j · S_j|i / n_ij) / (n_ij − 1).
/// Listwise, an incomplete row is zeroed entirely and n is the number of complete rows.
/// </para>
/// </remarks>
internal sealed class ItemCovariance
{
    private const int BlockRows = 128;

    private ItemCovariance(int itemCount)
    {
        ItemCount = itemCount;
        Covariance = new double[itemCount * itemCount];
        PairCount = new int[itemCount * itemCount];
        Means = new double[itemCount];
    }

    public int ItemCount { get; }

    /// <summary>Row-major k × k covariances; NaN where fewer than two rows answered both items.</summary>
    public double[] Covariance { get; }

    /// <summary>Row-major k × k number of rows each covariance rests on (diagonal: rows that answered the item).</summary>
    public int[] PairCount { get; }

    /// <summary>Each item's mean over the rows its variance rests on (listwise: the complete rows); NaN without rows.</summary>
    public double[] Means { get; }

    /// <summary>Rows with at least one answered item (pairwise) or with every item answered (listwise).</summary>
    public int RowsUsed { get; private set; }

    public static ItemCovariance Compute(
        ReadOnlySpan<ItemColumn> columns, ReadOnlySpan<int> rows, bool allRows, MissingDataConvention missing)
    {
        int k = columns.Length;
        var result = new ItemCovariance(k);
        if (k == 0)
        {
            return result;
        }

        int length = columns[0]?.Length ?? 0;
        foreach (var column in columns)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(columns));
            if (column.Length != length)
            {
                throw new ArgumentException("Every item column must have one entry per response.", nameof(columns));
            }
        }

        var sums = new Sums(k, missing == MissingDataConvention.Listwise);
        var block = new Block(k);
        try
        {
            int rowCount = allRows ? length : rows.Length;
            for (int start = 0; start < rowCount; start += BlockRows)
            {
                int count = Math.Min(BlockRows, rowCount - start);
                sums.Add(columns, allRows ? default : rows.Slice(start, count), start, count, block);
            }

            sums.Finish(result);
        }
        finally
        {
            block.Return();
        }

        return result;
    }

    /// <summary>Pooled buffers for one block of rows; per item one column of <see cref="BlockRows"/> entries.</summary>
    private sealed class Block
    {
        public Block(int k)
        {
            Values = ArrayPool<float>.Shared.Rent(BlockRows);
            Deviations = ArrayPool<double>.Shared.Rent(k * BlockRows);
            Answered = ArrayPool<double>.Shared.Rent(k * BlockRows);
            MissingInRow = ArrayPool<double>.Shared.Rent(BlockRows);
            AnsweredInColumn = ArrayPool<int>.Shared.Rent(k);
        }

        /// <summary>One item's raw values for the block, NaN-padded to whole vectors.</summary>
        public float[] Values { get; }

        /// <summary>Item j's deviations from its shift at [j · BlockRows + b]; 0 for a missing answer.</summary>
        public double[] Deviations { get; }

        /// <summary>1 where item j was answered in row b, else 0; same layout as <see cref="Deviations"/>.</summary>
        public double[] Answered { get; }

        /// <summary>Missing answers per row of the block.</summary>
        public double[] MissingInRow { get; }

        /// <summary>Answers per item in the block.</summary>
        public int[] AnsweredInColumn { get; }

        public void Return()
        {
            ArrayPool<float>.Shared.Return(Values);
            ArrayPool<double>.Shared.Return(Deviations);
            ArrayPool<double>.Shared.Return(Answered);
            ArrayPool<double>.Shared.Return(MissingInRow);
            ArrayPool<int>.Shared.Return(AnsweredInColumn);
        }
    }

    private sealed class Sums(int k, bool listwise)
    {
        private readonly double[] _shift = new double[k];
        private readonly bool[] _hasShift = new bool[k];
        private readonly double[] _answered = new double[k];
        private readonly double[] _sum = new double[k];
        private readonly double[] _cross = new double[k * k]; // upper triangle
        private readonly double[] _missingSum = new double[listwise ? 0 : k * k]; // [j, i]: U
        private readonly double[] _missingCount = new double[listwise ? 0 : k * k]; // [j, i]: M
        private long _complete;
        private int _rowsUsed;

        /// <summary>Adds rows <paramref name="rows"/>, or rows start .. start + count − 1 when it is empty.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ReadOnlySpan<ItemColumn> columns, ReadOnlySpan<int> rows, int start, int count, Block block)
        {
            // Vector passes run over whole vectors; the padding rows read as missing everywhere and drop out.
            int padded = (count + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
            var missingInRow = block.MissingInRow.AsSpan(0, padded);
            missingInRow.Clear();
            var values = block.Values.AsSpan(0, padded);
            for (int j = 0; j < k; j++)
            {
                var column = columns[j];
                if (rows.IsEmpty)
                {
                    column.CopyTo(start, values[..count]);
                }
                else
                {
                    column.Gather(rows, values[..rows.Length]);
                }

                values[count..].Fill(float.NaN);
                if (!_hasShift[j])
                {
                    FindShift(j, values);
                }

                int answered = Deviate(
                    values,
                    _shift[j],
                    block.Deviations.AsSpan(j * BlockRows, padded),
                    block.Answered.AsSpan(j * BlockRows, padded),
                    missingInRow);
                block.AnsweredInColumn[j] = answered;
                _answered[j] += answered;
            }

            int complete = 0, used = 0;
            foreach (double missing in missingInRow[..count])
            {
                complete += missing == 0 ? 1 : 0;
                used += missing < k ? 1 : 0;
            }

            _complete += complete;
            _rowsUsed += listwise ? complete : used;
            if (complete < count)
            {
                if (listwise)
                {
                    DropIncompleteRows(block, padded);
                }
                else
                {
                    AddCorrections(block, count);
                }
            }

            AddCrossProducts(block.Deviations, padded);
        }

        /// <summary>
        /// Writes value − shift (0 for a missing value) and the 0/1 answered mask, adds 1 per missing value to
        /// <paramref name="missingInRow"/>, and returns the number of values present.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int Deviate(
            ReadOnlySpan<float> values, double shift, Span<double> deviations, Span<double> answered, Span<double> missingInRow)
        {
            var vValues = MemoryMarshal.Cast<float, Vector<float>>(values);
            var vDeviations = MemoryMarshal.Cast<double, Vector<double>>(deviations);
            var vAnswered = MemoryMarshal.Cast<double, Vector<double>>(answered);
            var vMissing = MemoryMarshal.Cast<double, Vector<double>>(missingInRow);
            var vShift = new Vector<double>(shift);
            var count = Vector<double>.Zero;
            for (int v = 0; v < vValues.Length; v++)
            {
                Vector.Widen(vValues[v], out var low, out var high);
                for (int half = 0; half < 2; half++)
                {
                    var x = half == 0 ? low : high;
                    int at = (2 * v) + half;
                    var present = Vector.Equals(x, x); // false only for NaN
                    var one = Vector.ConditionalSelect(present, Vector<double>.One, Vector<double>.Zero);
                    vDeviations[at] = Vector.ConditionalSelect(present, x - vShift, Vector<double>.Zero);
                    vAnswered[at] = one;
                    vMissing[at] += Vector<double>.One - one;
                    count += one;
                }
            }

            return (int)Vector.Sum(count);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void DropIncompleteRows(Block block, int padded)
        {
            var vMissing = MemoryMarshal.Cast<double, Vector<double>>(block.MissingInRow.AsSpan(0, padded));
            for (int j = 0; j < k; j++)
            {
                var vDeviations = MemoryMarshal.Cast<double, Vector<double>>(block.Deviations.AsSpan(j * BlockRows, padded));
                for (int v = 0; v < vDeviations.Length; v++)
                {
                    var complete = Vector.Equals(vMissing[v], Vector<double>.Zero);
                    vDeviations[v] = Vector.ConditionalSelect(complete, vDeviations[v], Vector<double>.Zero);
                }
            }
        }

        /// <summary>For every missing answer (item j, row b) of a row that answered something: U[j,·] += d(b), M[j,·] += answered(b).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void AddCorrections(Block block, int count)
        {
            var deviations = block.Deviations;
            var answeredBlock = block.Answered;
            var missingInRow = block.MissingInRow.AsSpan(0, count);
            for (int j = 0; j < k; j++)
            {
                if (block.AnsweredInColumn[j] == count)
                {
                    continue;
                }

                var answered = answeredBlock.AsSpan(j * BlockRows, count);
                var missingSum = _missingSum.AsSpan(j * k, k);
                var missingCount = _missingCount.AsSpan(j * k, k);
                for (int b = 0; b < answered.Length; b++)
                {
                    if (answered[b] != 0 || missingInRow[b] == k)
                    {
                        continue;
                    }

                    for (int i = 0; i < missingSum.Length; i++)
                    {
                        missingSum[i] += deviations[(i * BlockRows) + b];
                        missingCount[i] += answeredBlock[(i * BlockRows) + b];
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void AddCrossProducts(double[] deviations, int padded)
        {
            Span<double> four = stackalloc double[4];
            for (int i = 0; i < k; i++)
            {
                var di = deviations.AsSpan(i * BlockRows, padded);
                _sum[i] += VectorMath.Sum(di);
                var cross = _cross.AsSpan(i * k, k);
                int j = i;
                for (; j + 4 <= k; j += 4)
                {
                    VectorMath.Dot4(
                        di,
                        deviations.AsSpan(j * BlockRows, padded),
                        deviations.AsSpan((j + 1) * BlockRows, padded),
                        deviations.AsSpan((j + 2) * BlockRows, padded),
                        deviations.AsSpan((j + 3) * BlockRows, padded),
                        cross.Slice(j, 4));
                }

                for (; j < k; j++)
                {
                    cross[j] += VectorMath.Dot(di, deviations.AsSpan(j * BlockRows, padded));
                }
            }
        }

        private void FindShift(int j, ReadOnlySpan<float> values)
        {
            foreach (float value in values)
            {
                if (!float.IsNaN(value))
                {
                    _shift[j] = value;
                    _hasShift[j] = true;
                    return;
                }
            }
        }

        public void Finish(ItemCovariance result)
        {
            for (int i = 0; i < k; i++)
            {
                for (int j = i; j < k; j++)
                {
                    double n, sumI, sumJ;
                    if (listwise)
                    {
                        n = _complete;
                        sumI = _sum[i];
                        sumJ = _sum[j];
                    }
                    else if (i == j)
                    {
                        n = _answered[i];
                        sumI = sumJ = _sum[i];
                    }
                    else
                    {
                        n = _answered[i] - _missingCount[(j * k) + i];
                        sumI = _sum[i] - _missingSum[(j * k) + i];
                        sumJ = _sum[j] - _missingSum[(i * k) + j];
                    }

                    double covariance = n >= 2 ? (_cross[(i * k) + j] - (sumI * sumJ / n)) / (n - 1) : double.NaN;
                    result.Covariance[(i * k) + j] = covariance;
                    result.Covariance[(j * k) + i] = covariance;
                    result.PairCount[(i * k) + j] = (int)n;
                    result.PairCount[(j * k) + i] = (int)n;
                }
            }

            for (int i = 0; i < k; i++)
            {
                double n = listwise ? _complete : _answered[i];
                result.Means[i] = n > 0 ? _shift[i] + (_sum[i] / n) : double.NaN;
            }

            result.RowsUsed = _rowsUsed;
        }
    }
}
