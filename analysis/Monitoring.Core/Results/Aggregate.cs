using Monitoring.Core.Instruments;
using Monitoring.Core.Privacy;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>
/// One unit's scores on one scale in one wave. When <see cref="Suppressed"/> is true, <see cref="Estimate"/> is null:
/// the unit-wave is hidden from coordinators (<see cref="Disclosure"/> says why), or the scale has no valid score there.
/// </summary>
/// <param name="Unit">The unit.</param>
/// <param name="Wave">The wave.</param>
/// <param name="Scale">The scale.</param>
/// <param name="Estimate">The statistics; null when suppressed.</param>
/// <param name="Disclosure">
/// The unit-wave's disclosure decision, shared by every table and page; <see cref="Privacy.Disclosure.BelowThreshold"/>
/// also for a scale without valid scores in a shown unit-wave.
/// </param>
public sealed record Aggregate(UnitId Unit, WaveId Wave, ScaleId Scale, Estimate? Estimate, Disclosure Disclosure)
{
    /// <summary>The level of the unit.</summary>
    public AggregateLevel Level => Unit.Level;

    /// <summary>Whether the statistics are withheld.</summary>
    public bool Suppressed => Disclosure != Disclosure.Shown;
}
