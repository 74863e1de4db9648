using Monitoring.Analysis.Responses;

namespace Monitoring.Analysis.Scoring;

/// <summary>
/// The kept responses with recoded items and scale scores, column-wise, indexed like the rows of
/// <see cref="Table"/>; <see cref="Rows"/> lists the kept ones.
/// </summary>
public sealed class ScoredResponses
{
    internal ScoredResponses(ResponseTable table, int[] rows, ItemColumn[] recoded, float[][] scores)
    {
        Table = table;
        Rows = rows;
        Recoded = recoded;
        Scores = scores;
    }

    /// <summary>The table the rows come from.</summary>
    public ResponseTable Table { get; }

    /// <summary>The number of kept responses.</summary>
    public int Count => Rows.Length;

    /// <summary>The kept rows of <see cref="Table"/>, in table order.</summary>
    internal int[] Rows { get; }

    /// <summary>[item][table row]: answers with reverse-keyed items recoded as min + max − x; NaN = missing. Read through the items' recoding; the table's answers are unchanged.</summary>
    internal ItemColumn[] Recoded { get; }

    /// <summary>[scale index in Study.Scales][table row]: the score, or NaN when too few items were answered or the row is not kept.</summary>
    internal float[][] Scores { get; }
}
