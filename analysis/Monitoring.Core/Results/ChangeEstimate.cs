using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>
/// Change of a unit's mean on a scale between two waves (later − earlier). <see cref="Lower"/>, <see cref="Upper"/>
/// and <see cref="CohensD"/> treat the waves as independent samples (Welch's t interval, Cohen's d with the pooled SD);
/// <see cref="Panel"/> adds the estimate that uses the linked respondents, <see cref="Linked"/> their paired change
/// (docs/methods.md). Suppressed (statistics null) when either wave's aggregate is suppressed: it shows nothing its two aggregates do not.
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

    /// <summary>The estimate with linked and unlinked respondents together; null when suppressed or not computed.</summary>
    public PanelChange? Panel { get; init; }

    /// <summary>The paired change of the linked respondents alone; null when suppressed or not computed.</summary>
    public LinkedChange? Linked { get; init; }

    /// <summary>
    /// Whether a change can be claimed: the panel interval excludes zero (the independent interval when there is no
    /// panel estimate).
    /// </summary>
    public bool IsSignificant => Panel is { } panel
        ? panel.IsSignificant
        : Lower is { } low && Upper is { } high && (low > 0 || high < 0);
}
