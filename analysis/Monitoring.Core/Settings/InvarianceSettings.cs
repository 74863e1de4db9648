namespace Monitoring.Core.Settings;

/// <summary>
/// The decision rules of the measurement-invariance steps (Chen 2007): a step holds when CFI drops by at most
/// <see cref="MaxCfiDrop"/> and RMSEA rises by at most <see cref="MaxRmseaRise"/> from the previous step.
/// </summary>
public sealed record InvarianceSettings
{
    /// <summary>The largest drop in CFI from the less constrained model. Default 0.010.</summary>
    public double MaxCfiDrop { get; init; } = 0.010;

    /// <summary>The largest rise in RMSEA from the less constrained model. Default 0.015.</summary>
    public double MaxRmseaRise { get; init; } = 0.015;
}
