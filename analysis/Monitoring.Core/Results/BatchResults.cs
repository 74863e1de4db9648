using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>What the batch computed, in domain terms: the input of profiles and reports.</summary>
/// <param name="Study">The study.</param>
/// <param name="ResponsesRead">Rows or submissions read.</param>
/// <param name="ResponsesKept">Responses kept after cleaning.</param>
/// <param name="Aggregates">Every aggregate (suppression applied).</param>
/// <param name="Reliability">Per scale and wave.</param>
/// <param name="Changes">Per unit, scale and pair of waves.</param>
/// <param name="Intraclass">Per scale and wave.</param>
/// <param name="ResponseRates">Per school and wave.</param>
/// <param name="Exclusions">Excluded responses per wave and rule.</param>
public sealed record BatchResults(
    Study Study,
    int ResponsesRead,
    int ResponsesKept,
    IReadOnlyList<Aggregate> Aggregates,
    IReadOnlyList<ScaleReliability> Reliability,
    IReadOnlyList<ChangeEstimate> Changes,
    IReadOnlyList<IntraclassResult> Intraclass,
    IReadOnlyList<ResponseRate> ResponseRates,
    IReadOnlyList<ExclusionCount> Exclusions)
{
    /// <summary>The cluster-aware intervals of the network, trajectory and study aggregates (schools as a sample); empty when not computed.</summary>
    public IReadOnlyList<ClusteredEstimate> Clustered { get; init; } = [];

    /// <summary>Measurement invariance per scale across the waves.</summary>
    public IReadOnlyList<ScaleInvariance> Invariance { get; init; } = [];
}
