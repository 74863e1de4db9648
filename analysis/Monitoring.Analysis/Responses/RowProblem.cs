namespace Monitoring.Analysis.Responses;

/// <summary>
/// A problem with one row of raw responses (or one stored submission). A row with any problem is
/// excluded from the analysis and listed in the cleaning log with every problem it has.
/// </summary>
/// <param name="Code">The problem's stable code (<see cref="Core.Responses.ResponseProblemCodes"/>), the same as the collection API gives for the same fault.</param>
/// <param name="Row">The 1-based row in the file, the header being row 1; 1 for a problem with the header itself.</param>
/// <param name="Column">The column, or null for the row as a whole.</param>
/// <param name="Value">The offending value as read (shortened to 60 characters), or null.</param>
/// <param name="Reason">What is wrong, in English.</param>
/// <param name="ResponseId">The row's response id when it could be read, else null.</param>
/// <param name="School">The row's school id when it is one of the study's, else null.</param>
/// <param name="Wave">The row's wave id when it is one of the study's, else null.</param>
public sealed record RowProblem(string Code, int Row, string? Column, string? Value, string Reason, string? ResponseId = null, string? School = null, string? Wave = null)
{
    /// <inheritdoc/>
    public override string ToString() => $"row {Row}{(Column is null ? "" : $", column '{Column}'")}{(Value is null ? "" : $", value '{Value}'")}: {Reason}";
}
