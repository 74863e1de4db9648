using Monitoring.Core.Results;

namespace Monitoring.Reports.Data;

/// <summary>
/// What the reports show of a change: the panel estimate (linked and unlinked respondents together, schools as the
/// population) and its Hedges' g; the independent (Welch) interval and Cohen's d only where there is no panel estimate.
/// The verdict (<see cref="ChangeEstimate.IsSignificant"/>) rests on the same interval.
/// </summary>
internal static class ChangeShown
{
    public static double? Lower(ChangeEstimate change) => change.Panel is { } p ? p.Lower : change.Lower;

    public static double? Upper(ChangeEstimate change) => change.Panel is { } p ? p.Upper : change.Upper;

    /// <summary>Hedges' g of the panel estimate, or Cohen's d without one.</summary>
    public static double? EffectSize(ChangeEstimate change) => change.Panel is { } p ? p.HedgesG : change.CohensD;
}
