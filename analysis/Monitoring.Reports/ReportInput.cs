using Monitoring.Core.Results;
using Monitoring.Reports.Profiles;

namespace Monitoring.Reports;

/// <summary>What the reports show: the batch's results and, when they were computed, the school profiles.</summary>
/// <param name="Results">The batch results; suppressed aggregates carry no statistics and stay hidden.</param>
/// <param name="Profiles">The school profiles, or null when they were not computed (the reports say so).</param>
public sealed record ReportInput(BatchResults Results, ReportProfiles? Profiles = null);
