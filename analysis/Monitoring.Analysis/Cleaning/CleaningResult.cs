namespace Monitoring.Analysis.Cleaning;

/// <summary>The outcome of cleaning: which rows of the table are kept, and why the others are not.</summary>
/// <param name="Kept">Per row of the table: kept for analysis.</param>
/// <param name="Exclusions">Every excluded row, in table order.</param>
public sealed record CleaningResult(bool[] Kept, IReadOnlyList<Exclusion> Exclusions)
{
    /// <summary>How many rows are kept.</summary>
    public int KeptCount => Kept.Count(k => k);

    /// <summary>
    /// How many responses the speeder rule could not judge because the device's times are not plausible
    /// (docs/methods.md, "Which time each rule uses"); they are judged on every other rule and may be kept.
    /// </summary>
    public int SpeedNotJudged { get; init; }
}
