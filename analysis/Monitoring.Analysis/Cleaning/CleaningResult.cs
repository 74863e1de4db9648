namespace Monitoring.Analysis.Cleaning;

/// <summary>The outcome of cleaning: which rows of the table are kept, and why the others are not.</summary>
/// <param name="Kept">Per row of the table: kept for analysis.</param>
/// <param name="Exclusions">Every excluded row, in table order.</param>
public sealed record CleaningResult(bool[] Kept, IReadOnlyList<Exclusion> Exclusions)
{
    /// <summary>How many rows are kept.</summary>
    public int KeptCount => Kept.Count(k => k);
}
