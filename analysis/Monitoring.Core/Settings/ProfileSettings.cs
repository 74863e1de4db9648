namespace Monitoring.Core.Settings;

/// <summary>Settings of the school-profile clustering.</summary>
public sealed record ProfileSettings
{
    /// <summary>The seed of every random choice (k-means starts, bootstrap resamples). Default 20210901.</summary>
    public int Seed { get; init; } = 20210901;

    /// <summary>The smallest number of profiles tried. Default 2.</summary>
    public int MinK { get; init; } = 2;

    /// <summary>The largest number of profiles tried. Default 8.</summary>
    public int MaxK { get; init; } = 8;

    /// <summary>Forces the number of profiles instead of choosing it by the BIC of a Gaussian mixture; null chooses. Default null.</summary>
    public int? ForcedK { get; init; }

    /// <summary>k-means restarts per k; the best (lowest within-cluster sum of squares) is kept. Default 10.</summary>
    public int Restarts { get; init; } = 10;

    /// <summary>Bootstrap resamples for stability. Default 100.</summary>
    public int BootstrapResamples { get; init; } = 100;

    /// <summary>A profile whose mean Jaccard similarity is below this is marked unstable. Default 0.75.</summary>
    public double StabilityThreshold { get; init; } = 0.75;
}
