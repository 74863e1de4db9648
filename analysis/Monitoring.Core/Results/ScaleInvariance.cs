using Monitoring.Core.Instruments;

namespace Monitoring.Core.Results;

/// <summary>
/// The measurement invariance of one scale across the groups of one grouping (the waves): the configural,
/// metric and scalar steps, decided by <see cref="Settings.InvarianceSettings"/>.
/// </summary>
/// <param name="Scale">The scale.</param>
/// <param name="Grouping">What the groups are, e.g. <c>wave</c>.</param>
/// <param name="Groups">The groups in the models, in order.</param>
/// <param name="Steps">The fitted steps, configural first; fewer when a model did not converge.</param>
/// <param name="ItemMeans">Per group, the complete cases' mean of each item of the scale (recoded), in the scale's item order.</param>
public sealed record ScaleInvariance(ScaleId Scale, string Grouping, IReadOnlyList<string> Groups, IReadOnlyList<InvarianceStep> Steps,
    IReadOnlyList<IReadOnlyList<double>> ItemMeans)
{
    /// <summary>Whether scalar invariance holds (equal loadings and intercepts): mean differences compare the same construct.</summary>
    public bool ScalarHolds => Steps.Any(s => s.Level == InvarianceLevel.Scalar && s.Holds == true)
        && Steps.Any(s => s.Level == InvarianceLevel.Metric && s.Holds == true);
}
