using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>
/// The Okabe–Ito palette (Okabe &amp; Ito 2008), distinguishable with every common colour-vision
/// deficiency; series differ in line pattern or marker too, never in colour alone.
/// </summary>
internal static class OkabeIto
{
    public const string BlackHex = "#000000";
    public const string OrangeHex = "#E69F00";
    public const string SkyBlueHex = "#56B4E9";
    public const string BluishGreenHex = "#009E73";
    public const string YellowHex = "#F0E442";
    public const string BlueHex = "#0072B2";
    public const string VermillionHex = "#D55E00";
    public const string ReddishPurpleHex = "#CC79A7";
    public const string GreyHex = "#8C8C8C";

    /// <summary>The unit a report is about (a network; a trajectory in its own overview).</summary>
    public const string FocusHex = VermillionHex;

    /// <summary>The unit's trajectory, or a school in the small multiples.</summary>
    public const string TrajectoryHex = BlueHex;

    /// <summary>All networks together.</summary>
    public const string AllHex = BlackHex;

    /// <summary>Colours for series that have no role of their own (waves, profiles, trajectories), in order.</summary>
    public static IReadOnlyList<string> SeriesHex { get; } =
        [BlueHex, OrangeHex, BluishGreenHex, ReddishPurpleHex, SkyBlueHex, VermillionHex, YellowHex, BlackHex];

    public static Color Of(string hex) => Color.FromHex(hex);

    public static string Series(int index) => SeriesHex[index % SeriesHex.Count];
}
