using Monitoring.Analysis.Cleaning;
using Monitoring.Analysis.Measurement;
using Monitoring.Analysis.Responses;
using Monitoring.Analysis.Scoring;
using Monitoring.Core.Results;

namespace Monitoring.Analysis;

/// <summary>Everything the analysis steps produced: the inputs of the dataset writers, profiles and reports.</summary>
/// <param name="Raw">What was read.</param>
/// <param name="Cleaning">Kept rows and exclusions.</param>
/// <param name="Scored">Recoded items and scale scores of the kept rows.</param>
/// <param name="Results">The results in domain terms.</param>
/// <param name="SchoolMeans">Unsuppressed school means, for profiles.</param>
public sealed record AnalysisOutcome(RawResponses Raw, CleaningResult Cleaning, ScoredResponses Scored, BatchResults Results, IReadOnlyList<SchoolMean> SchoolMeans)
{
    /// <summary>The factor analyses per scale (one-factor per wave, invariance across waves).</summary>
    public IReadOnlyList<ScaleMeasurement> Measurement { get; init; } = [];
}
