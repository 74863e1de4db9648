namespace Monitoring.Analysis.Synthetic;

/// <summary>What the synthetic data generator makes. Shares are of all rows written.</summary>
public sealed record GeneratorOptions
{
    /// <summary>The exact number of rows to write (duplicates and careless respondents included).</summary>
    public required int Responses { get; init; }

    /// <summary>The seed: the same seed and study give the same bytes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Share of speeders (a few seconds for the whole questionnaire). Default 0.02.</summary>
    public double SpeederShare { get; init; } = 0.02;

    /// <summary>Share of straight-liners (one answer throughout). Default 0.015.</summary>
    public double StraightLinerShare { get; init; } = 0.015;

    /// <summary>Share of rows that repeat an earlier submission (same id resent, or same person again). Default 0.01.</summary>
    public double DuplicateShare { get; init; } = 0.01;

    /// <summary>Share of respondents who stop early (answer fewer than half the items). Default 0.02.</summary>
    public double DropoutShare { get; init; } = 0.02;

    /// <summary>Share of single items skipped at random. Default 0.03.</summary>
    public double ItemMissingShare { get; init; } = 0.03;

    /// <summary>Share of rows submitted after the wave closed. Default 0.005.</summary>
    public double LateShare { get; init; } = 0.005;

    /// <summary>Share of rows with a malformed value (a value out of range, not a number, an unknown school), to exercise the reader. Default 0.0005.</summary>
    public double MalformedShare { get; init; } = 0.0005;

    /// <summary>
    /// An item (id) whose intercept shifts in the last wave, by <see cref="NonInvariantShift"/> on the latent scale, while
    /// the other items of its scale do not: planted non-invariance (scalar invariance fails for that scale). Default none.
    /// </summary>
    public string? NonInvariantItem { get; init; }

    /// <summary>The shift of <see cref="NonInvariantItem"/> in the last wave, in latent standard units. Default 1.</summary>
    public double NonInvariantShift { get; init; } = 1.0;

    /// <summary>Share of respondents who give the linkage questions (followed across waves). Default 0.7.</summary>
    public double LinkedShare { get; init; } = 0.7;

    /// <summary>
    /// Whether to plant the school profiles (default true). Without them every school has the profile shift 0 (planted
    /// profile 1, "none"), so that the data hold no profiles to find; every other draw is the same.
    /// </summary>
    public bool PlantProfiles { get; init; } = true;
}
