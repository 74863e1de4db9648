using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>
/// Change of a unit's mean on a scale between two waves (later − earlier), treating the waves as
/// independent samples: Welch's t interval and Cohen's d with the pooled SD (docs/methods.md).
/// Suppressed (statistics null) when either wave's aggregate is suppressed: it shows nothing its two aggregates do not.
/// </summary>
public sealed record ChangeEstimate(
    UnitId Unit,
    ScaleId Scale,
    WaveId From,
    WaveId To,
    int NFrom,
    int NTo,
    double? MeanFrom,
    double? MeanTo,
    double? Difference,
    double? Lower,
    double? Upper,
    double? CohensD,
    bool Suppressed)
{
    /// <summary>The level of the unit.</summary>
    public AggregateLevel Level => Unit.Level;

    /// <summary>Whether the interval excludes zero, so that a change can be claimed.</summary>
    public bool IsSignificant => Lower is { } low && Upper is { } high && (low > 0 || high < 0);
}
