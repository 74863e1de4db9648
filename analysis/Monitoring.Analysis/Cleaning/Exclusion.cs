namespace Monitoring.Analysis.Cleaning;

/// <summary>One excluded response and why.</summary>
/// <param name="SourceRow">The row in the raw file (header = row 1) or the submission's position in the store.</param>
/// <param name="ResponseId">The response id, or null when it could not be read.</param>
/// <param name="School">The school id as given, or null.</param>
/// <param name="Wave">The wave id as given, or null.</param>
/// <param name="Rule">The rule that excluded it.</param>
/// <param name="Detail">The values that triggered the rule, e.g. "0.42 s per item (minimum 1)".</param>
public sealed record Exclusion(int SourceRow, string? ResponseId, string? School, string? Wave, CleaningRule Rule, string Detail);
