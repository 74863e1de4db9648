using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>How many responses one cleaning rule excluded in one wave (for the reports' quality section).</summary>
/// <param name="Wave">The wave, or null for rows whose wave could not be read.</param>
/// <param name="Rule">The rule's name, e.g. "speeder".</param>
/// <param name="Count">Excluded responses.</param>
public sealed record ExclusionCount(WaveId? Wave, string Rule, int Count);
