namespace Monitoring.Analysis.Responses;

/// <summary>What reading raw responses gave: the valid rows, and every problem with the rest.</summary>
/// <param name="Table">The rows without problems.</param>
/// <param name="Problems">Every problem: header problems (row 1), then row problems in row order.</param>
/// <param name="RowsRead">The number of data rows read, valid or not.</param>
/// <param name="Source">What was read: a file path or a store description.</param>
public sealed record RawResponses(ResponseTable Table, IReadOnlyList<RowProblem> Problems, int RowsRead, string Source)
{
    /// <summary>The number of rows excluded because of problems.</summary>
    public int RowsExcluded => RowsRead - Table.Count;
}
