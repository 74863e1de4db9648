namespace Monitoring.Core.Settings;

/// <summary>
/// A study's analysis settings. Every default here is the documented default of
/// <c>docs/methods.md</c>; a study definition overrides any of them.
/// </summary>
public sealed record AnalysisSettings
{
    /// <summary>The smallest number of valid scores an aggregate, rate or change may rest on in coordinator-facing outputs. Default 5.</summary>
    public int PrivacyThreshold { get; init; } = 5;

    /// <summary>The bound on submissions per school-wave in open mode (withheld beyond it).</summary>
    public PrivacySettings Privacy { get; init; } = new();

    /// <summary>The confidence level of every interval, in (0, 1). Default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>How reliability treats missing answers. Default <see cref="MissingDataConvention.Pairwise"/>, as R's psych.</summary>
    public MissingDataConvention ReliabilityMissing { get; init; } = MissingDataConvention.Pairwise;

    /// <summary>The cleaning rules.</summary>
    public CleaningSettings Cleaning { get; init; } = new();

    /// <summary>The decision rules of the measurement-invariance steps.</summary>
    public InvarianceSettings Invariance { get; init; } = new();

    /// <summary>The school-profile settings.</summary>
    public ProfileSettings Profiles { get; init; } = new();
}
