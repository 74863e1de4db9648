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

    /// <summary>
    /// The problems that make the input unreadable as a whole: an empty file, a header that cannot be read (a required
    /// column missing or misspelt, a wrong separator), or no readable row at all. A run stops on them before it writes
    /// anything. Row 0 is the file as a whole; the header's problems are in <see cref="Problems"/> as well.
    /// </summary>
    public IReadOnlyList<RowProblem> Fatal { get; init; } = [];

    /// <summary>Whether the input can be analysed: <see cref="Fatal"/> is empty.</summary>
    public bool IsReadable => Fatal.Count == 0;
}
