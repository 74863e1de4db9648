using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>
/// The cluster-aware interval of a network, trajectory or study mean (respondents within schools, the schools regarded
/// as a sample): the i.i.d. standard error times √deff with Kish's design effect <c>deff = 1 + (m̃ − 1)·ICC(1)</c>,
/// where m̃ = Σ m_j² / Σ m_j is the size-weighted mean number of valid scores per school and ICC(1) that of the scale
/// in the wave over the whole study (negative taken as 0); a t interval with (schools − 1) degrees of freedom
/// (docs/methods.md, "Clustering"). The aggregate's own interval (<see cref="Aggregate.Estimate"/>) regards the
/// schools as the population. Statistics are null when the aggregate is suppressed or fewer than 2 schools have scores.
/// </summary>
/// <param name="Unit">The unit's id.</param>
/// <param name="Wave">The wave.</param>
/// <param name="Scale">The scale.</param>
/// <param name="Schools">Schools of the unit with at least one valid score; 0 when suppressed.</param>
/// <param name="Icc1">ICC(1) of the scale in the wave (study-wide), as used (at least 0).</param>
/// <param name="DesignEffect">deff ≥ 1.</param>
/// <param name="StandardError">The i.i.d. standard error times √deff.</param>
/// <param name="Lower">Mean − t_{(1+level)/2, schools − 1} · se.</param>
/// <param name="Upper">Mean + t_{(1+level)/2, schools − 1} · se.</param>
/// <param name="Suppressed">Whether the aggregate is suppressed.</param>
public sealed record ClusteredEstimate(
    UnitId Unit, WaveId Wave, ScaleId Scale, int Schools, double? Icc1, double? DesignEffect,
    double? StandardError, double? Lower, double? Upper, bool Suppressed)
{
    /// <summary>The level of the unit.</summary>
    public AggregateLevel Level => Unit.Level;
}
