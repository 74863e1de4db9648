namespace Monitoring.Analysis.Cleaning;

/// <summary>The names of the cleaning rules as they appear in outputs (snake case).</summary>
public static class Names
{
    /// <summary>The rule's name in cleaning_log.csv, the manifest and reports, e.g. "straight_liner".</summary>
    public static string Of(CleaningRule rule) => rule switch
    {
        CleaningRule.Invalid => "invalid",
        CleaningRule.OutsideWindow => "outside_window",
        CleaningRule.Duplicate => "duplicate",
        CleaningRule.Incomplete => "incomplete",
        CleaningRule.Speeder => "speeder",
        CleaningRule.StraightLiner => "straight_liner",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}
