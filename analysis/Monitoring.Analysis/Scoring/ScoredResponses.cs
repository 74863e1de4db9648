using Monitoring.Analysis.Responses;

namespace Monitoring.Analysis.Scoring;

/// <summary>
/// The kept responses with recoded items and scale scores, column-wise. Row r here is row
/// <see cref="Rows"/>[r] of <see cref="Table"/>.
/// </summary>
public sealed class ScoredResponses
{
    internal ScoredResponses(ResponseTable table, int[] rows, float[][] recoded, float[][] scores)
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

    /// <summary>For each kept response, its row in <see cref="Table"/>, in table order.</summary>
    internal int[] Rows { get; }

    /// <summary>[item][kept row]: answers with reverse-keyed items recoded as min + max − x; NaN = missing.</summary>
    internal float[][] Recoded { get; }

    /// <summary>[scale index in Study.Scales][kept row]: the score, or NaN when too few items were answered.</summary>
    internal float[][] Scores { get; }
}
