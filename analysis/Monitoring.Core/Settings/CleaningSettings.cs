namespace Monitoring.Core.Settings;

/// <summary>The careless-responding and data-quality rules; each can be switched off.</summary>
public sealed record CleaningSettings
{
    /// <summary>Exclude duplicate submissions (same response id, or same linkage code, school and wave), keeping the last submitted. Default on.</summary>
    public bool Duplicates { get; init; } = true;

    /// <summary>Exclude responses submitted outside their wave's window. Default on.</summary>
    public bool OutsideWindow { get; init; } = true;

    /// <summary>Exclude speeders. Default on.</summary>
    public bool Speeders { get; init; } = true;

    /// <summary>A speeder takes fewer than this many seconds per answered item. Default 1.0.</summary>
    public double MinSecondsPerItem { get; init; } = 1.0;

    /// <summary>Exclude straight-liners. Default on.</summary>
    public bool StraightLiners { get; init; } = true;

    /// <summary>A straight-liner gives one identical raw answer to all answered items, at least this many, of a battery (an instrument) that has reverse-keyed items. Default 6.</summary>
    public int StraightLineMinItems { get; init; } = 6;

    /// <summary>Exclude too-incomplete responses. Default on.</summary>
    public bool Incomplete { get; init; } = true;

    /// <summary>A response is too incomplete when it answers fewer than this share of its wave's items. Default 0.5.</summary>
    public double MinAnsweredShare { get; init; } = 0.5;
}
