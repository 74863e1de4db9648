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
    public float Value(int row, int item) =>
        WideValues[item] is { } wide ? wide[row] : Coding.Decode[item][Codes[(row * ItemCount) + item]];

    /// <summary>Recodes the reverse-keyed <paramref name="items"/> in place, x' = min + max − x, in one pass over the rows on every core.</summary>
    public void Reverse(IReadOnlyList<(int Item, int Min, int Max)> items)
    {
        foreach (var (item, min, max) in items)
            if (WideValues[item] is { } wide)
            {
                var sum = (float)(min + max);
                for (var r = 0; r < Count; r++) wide[r] = sum - wide[r];
            }
        var coded = items.Where(i => WideValues[i.Item] is null).Select(i => (i.Item, Range: (byte)(i.Max - i.Min))).ToArray();
        if (coded.Length == 0 || Count == 0) return;
        // x = min + c, so x' = min + (max − min − c).
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, Count, 1 << 16), range =>
        {
            for (var r = range.Item1; r < range.Item2; r++)
            {
                var row = Codes.AsSpan(r * ItemCount, ItemCount);
                foreach (var (item, span) in coded)
                {
                    var c = row[item];
                    if (c != AnswerCoding.Missing) row[item] = (byte)(span - c);
                }
            }
        });
    }
}
