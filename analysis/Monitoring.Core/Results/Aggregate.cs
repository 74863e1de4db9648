using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>
/// One unit's scores on one scale in one wave. When <see cref="Suppressed"/> is true,
/// <see cref="Estimate"/> is null: the value rests on fewer valid scores than the privacy threshold,
/// or would let a suppressed unit be recovered from its parent's total (secondary suppression).
/// </summary>
/// <param name="Level">The level of the unit.</param>
/// <param name="Unit">The unit's id (school, network or trajectory id; the study id for <see cref="AggregateLevel.All"/>).</param>
/// <param name="Wave">The wave.</param>
/// <param name="Scale">The scale.</param>
/// <param name="Estimate">The statistics; null when suppressed.</param>
/// <param name="Suppressed">Whether the statistics are withheld.</param>
/// <param name="SuppressionReason">"below threshold", "complementary" or null.</param>
public sealed record Aggregate(AggregateLevel Level, string Unit, WaveId Wave, ScaleId Scale, Estimate? Estimate, bool Suppressed, string? SuppressionReason);
