namespace Monitoring.Analysis.Responses;

/// <summary>
/// Every answer of a <see cref="ResponseTable"/>: one byte per row and item, row-major (a row's answers are
/// adjacent, as reading and cleaning visit them), coded as <see cref="AnswerCoding"/> says; items too wide
/// for a byte keep a float column. A million responses to 35 items take 35 MB instead of 140 MB of floats.
/// <see cref="this[int]"/> gives an item as a column of floats with NaN for a missing answer.
/// </summary>
internal sealed class AnswerMatrix
{
    public AnswerMatrix(AnswerCoding coding, int count, byte[] codes, float[]?[] wide)
    {
        Coding = coding;
        Count = count;
        ItemCount = coding.ItemCount;
        Codes = codes;
        WideValues = wide;
        Columns = new ItemColumn[ItemCount];
        for (var j = 0; j < ItemCount; j++)
            Columns[j] = wide[j] is { } values ? new ItemColumn(values, count) : new ItemColumn(codes, ItemCount, j, coding.Decode[j], count);
    }

    public AnswerCoding Coding { get; }

    public int Count { get; }

    public int ItemCount { get; }

    /// <summary>[row · ItemCount + item]: the answer's code (meaningless for wide items).</summary>
    public byte[] Codes { get; }

    /// <summary>Per item: its float column when it is wide, else null.</summary>
    public float[]?[] WideValues { get; }

    /// <summary>Per item: its answers as floats.</summary>
    public ItemColumn[] Columns { get; }

    /// <summary>Item <paramref name="item"/>'s answers as floats (NaN = missing).</summary>
    public ItemColumn this[int item] => Columns[item];

    /// <summary>The answer of <paramref name="row"/> to <paramref name="item"/>; NaN when missing.</summary>
    public float Value(int row, int item) => Read(WideValues, Coding.Decode, Codes, row, row * ItemCount, item);

    /// <summary>
    /// Every item as a column of scored values: reverse-keyed items recoded (x' = min + max − x) through
    /// <see cref="AnswerCoding.Recode"/> over the same codes, a reverse-keyed wide item as a recoded copy; the
    /// matrix itself is never changed.
    /// </summary>
    public ItemColumn[] RecodedColumns(IReadOnlyList<Core.Instruments.Item> items)
    {
        var columns = new ItemColumn[ItemCount];
        for (var j = 0; j < ItemCount; j++)
        {
            if (WideValues[j] is { } wide)
            {
                if (!items[j].IsReverseKeyed)
                {
                    columns[j] = Columns[j];
                    continue;
                }
                var sum = (float)(items[j].Format.Min + items[j].Format.Max);
                var recoded = new float[Count];
                for (var r = 0; r < Count; r++) recoded[r] = sum - wide[r];
                columns[j] = new ItemColumn(recoded, Count);
            }
            else columns[j] = new ItemColumn(Codes, ItemCount, j, Coding.Recode[j], Count);
        }
        return columns;
    }

    /// <summary>
    /// The answer at <paramref name="at"/> + <paramref name="item"/> of <paramref name="codes"/> (<paramref name="at"/> = row · items)
    /// through <paramref name="decode"/> (<see cref="AnswerCoding.Decode"/> or <see cref="AnswerCoding.Recode"/>), or of the item's
    /// float column: what the hot loops read, inlined.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static float Read(float[]?[] wide, float[][] decode, byte[] codes, int row, int at, int item) =>
        wide[item] is { } w ? w[row] : decode[item][codes[at + item]];
}
