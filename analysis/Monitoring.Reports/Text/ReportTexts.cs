namespace Monitoring.Reports.Text;

/// <summary>
/// Every fixed string of the reports in one language. Each property is required, so a language that
/// misses a string does not compile. Placeholders are numbered as in <see cref="string.Format(string, object?[])"/>.
/// </summary>
internal sealed partial class ReportTexts
{
    public static ReportTexts For(string language) => language == "en" ? English : Dutch;

    public required string Language { get; init; }
    public required string NetworkReport { get; init; }
    public required string TrajectoryReport { get; init; }
    public required string StudyReport { get; init; }
    public required string IndexTitle { get; init; }
    public required string Contents { get; init; }
    public required string Trajectory { get; init; }
    public required string Network { get; init; }
    public required string Networks { get; init; }
    public required string School { get; init; }
    public required string Schools { get; init; }
    public required string Scale { get; init; }
    public required string Wave { get; init; }
    public required string Waves { get; init; }
    public required string Total { get; init; }
    public required string Mean { get; init; }
    public required string Interval { get; init; }
    public required string NotShown { get; init; }
    public required string BackToIndex { get; init; }

    /// <summary>{0}: the privacy threshold.</summary>
    public required string PrivacyIntro { get; init; }
    public required string NetworkIntro { get; init; }
    public required string TrajectoryIntro { get; init; }
    public required string StudyIntro { get; init; }

    public required string ParticipationHeading { get; init; }
    public required string ProgressHeading { get; init; }
    public required string ChangeHeading { get; init; }
    public required string ProfilesHeading { get; init; }
    public required string QualityHeading { get; init; }
    public required string OverviewHeading { get; init; }

    /// <summary>{0}: the threshold.</summary>
    public required string ReasonBelowThreshold { get; init; }
    public required string ReasonComplementary { get; init; }
    public required string ReasonWithheld { get; init; }
    public required string ReasonNoData { get; init; }
    public required string StaffUnknown { get; init; }

    public required string ParticipationLead { get; init; }
    public required string Responses { get; init; }
    public required string ResponseRate { get; init; }
    public required string ResponseRateAxis { get; init; }
    /// <summary>{0}: school, {1}: the rates per wave.</summary>
    public required string ResponseRateAlt { get; init; }
    public required string RateAbove100 { get; init; }

    public required string ProgressLead { get; init; }
    public required string ThisNetwork { get; init; }
    public required string ThisSchool { get; init; }
    /// <summary>{0}: the trajectory's name.</summary>
    public required string TrajectoryMean { get; init; }
    public required string AllNetworks { get; init; }
    public required string NetworksOfTrajectory { get; init; }
    public required string IntervalNote { get; init; }
    /// <summary>{0}: min, {1}: max.</summary>
    public required string MeanAxis { get; init; }
    /// <summary>{0}: min, {1}: its label, {2}: max, {3}: its label.</summary>
    public required string RangeWithLabels { get; init; }
    /// <summary>{0}: min, {1}: max.</summary>
    public required string RangeWithoutLabels { get; init; }
    /// <summary>{0}: the parent scale.</summary>
    public required string SubscaleOf { get; init; }
    public required string BySchool { get; init; }
    public required string BySchoolLead { get; init; }
    /// <summary>{0}: scale, {1}: range, {2}: series descriptions.</summary>
    public required string ProgressAlt { get; init; }
    /// <summary>{0}: school, {1}: scale, {2}: values.</summary>
    public required string SchoolAlt { get; init; }
    /// <summary>{0}: series name, {1}: values.</summary>
    public required string SeriesAlt { get; init; }
    /// <summary>{0}: count of networks.</summary>
    public required string SpreadAlt { get; init; }

    public required string ChangeLead { get; init; }
    /// <summary>{0}: scale, {1}: from wave, {2}: to wave, {3}: " (d = …)" or "".</summary>
    public required string Rose { get; init; }
    public required string Fell { get; init; }
    public required string NoClearChange { get; init; }
    /// <summary>{0}: scale, {1}: from, {2}: to, {3}: reason.</summary>
    public required string ChangeNotComputed { get; init; }
    public required string Difference { get; init; }
    /// <summary>{0}: to wave, {1}: from wave.</summary>
    public required string DifferenceAxis { get; init; }
    /// <summary>{0}: from wave, {1}: to wave, {2}: values.</summary>
    public required string ChangeAlt { get; init; }
    public required string ChangeTrajectoryMark { get; init; }
    public required string NetworkChangesHeading { get; init; }
    public required string NetworkChangesLead { get; init; }
    public required string Rising { get; init; }
    public required string Falling { get; init; }
    public required string Stable { get; init; }
    public required string NotComputed { get; init; }

    public required string ProfilesNotComputed { get; init; }

    /// <summary>Shown instead of profiles when the data support no grouping of schools (one group had the best BIC).</summary>
    public required string NoClearProfiles { get; init; }
    public required string ProfilesLead { get; init; }
    public required string Profile { get; init; }
    public required string ProfileName { get; init; }
    public required string ProfileSize { get; init; }
    public required string Unstable { get; init; }
    public required string UnstableNote { get; init; }
    public required string Movement { get; init; }
    public required string NoProfile { get; init; }
    /// <summary>{0}: baseline wave.</summary>
    public required string CentroidAxis { get; init; }
    /// <summary>{0}: profile descriptions.</summary>
    public required string CentroidAlt { get; init; }
    public required string ProfileAssignmentsHeading { get; init; }
    public required string ProfileCountsHeading { get; init; }

    public required string ReliabilityHeading { get; init; }
    public required string ReliabilityLead { get; init; }
    public required string OmegaHeading { get; init; }
    public required string NotInvariant { get; init; }
    public required string NotInvariantCell { get; init; }
    public required string ItemTrendsHeading { get; init; }
    public required string ItemTrendsLead { get; init; }
    public required string Item { get; init; }
    public required string OmegaLead { get; init; }
    public required string AlphaWarning { get; init; }
    public required string AlphaAxis { get; init; }
    /// <summary>{0}: scales below 0.70 or the "none" text.</summary>
    public required string ReliabilityAlt { get; init; }
    public required string NoneBelowThreshold { get; init; }
    public required string IntraclassHeading { get; init; }
    public required string IntraclassLead { get; init; }
    public required string ExclusionsHeading { get; init; }
    /// <summary>{0}: read, {1}: kept.</summary>
    public required string ExclusionsLead { get; init; }
    public required string Rule { get; init; }
    public required string UnknownWave { get; init; }
    public required IReadOnlyDictionary<string, string> RuleNames { get; init; }

    public required string Organisation { get; init; }
    public required string Trajectories { get; init; }
    public required string ChangePerTrajectoryHeading { get; init; }
    public required string ParticipationCountsLead { get; init; }
    public required string ArrowsNote { get; init; }
    public required string NoProfileNote { get; init; }
    public required string ReportsForResearchers { get; init; }
    public required string NetworkReports { get; init; }
    public required string Footer { get; init; }
}
