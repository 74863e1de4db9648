using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>
/// How a series looks, in the chart and in the page's legend. Series differ in colour, line width and
/// marker shape, so they stay apart without colour. (Frames avoid dash patterns: ScottPlot's SVG export drops them.)
/// </summary>
internal sealed record SeriesStyle(string Hex, float LineWidth, MarkerShape Marker, float MarkerSize, bool Dashed = false)
{
    /// <summary>The unit the page is about: a network, or the trajectory in its overview.</summary>
    public static SeriesStyle Focus { get; } = new(OkabeIto.FocusHex, 3f, MarkerShape.FilledCircle, 11);

    public static SeriesStyle Trajectory { get; } = new(OkabeIto.TrajectoryHex, 2.2f, MarkerShape.FilledDiamond, 11);

    public static SeriesStyle All { get; } = new(OkabeIto.AllHex, 1.6f, MarkerShape.FilledSquare, 8);

    public static SeriesStyle School { get; } = new(OkabeIto.TrajectoryHex, 2.2f, MarkerShape.FilledCircle, 7);

    /// <summary>The network's means as a reference line in a school's panel.</summary>
    public static SeriesStyle NetworkReference { get; } = new(OkabeIto.FocusHex, 1.4f, MarkerShape.None, 0);

    public static SeriesStyle Spread { get; } = new(OkabeIto.GreyHex, 1f, MarkerShape.None, 0);

    /// <summary>A reference difference in the change chart: a marker only.</summary>
    public static SeriesStyle ReferencePoint(string hex) => new(hex, 0, MarkerShape.FilledDiamond, 12);

    /// <summary>The focus difference in the change chart.</summary>
    public static SeriesStyle FocusPoint { get; } = new(OkabeIto.FocusHex, 0, MarkerShape.FilledCircle, 11);

    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleDown];

    /// <summary>The <paramref name="index"/>-th of a set of equal series (waves, profiles, trajectories): colour and marker both change.</summary>
    public static SeriesStyle Numbered(int index, float lineWidth = 2.2f) =>
        new(OkabeIto.Series(index), lineWidth, Shapes[index % Shapes.Length], 10);

    /// <summary>The same series drawn hollow and thinner: for results to read with care (an unstable profile).</summary>
    public SeriesStyle Tentative() => this with
    {
        LineWidth = Math.Max(1, LineWidth * 0.6f),
        Marker = Marker switch
        {
            MarkerShape.FilledCircle => MarkerShape.OpenCircle,
            MarkerShape.FilledSquare => MarkerShape.OpenSquare,
            MarkerShape.FilledTriangleUp => MarkerShape.OpenTriangleUp,
            MarkerShape.FilledDiamond => MarkerShape.OpenDiamond,
            MarkerShape.FilledTriangleDown => MarkerShape.OpenTriangleDown,
            _ => Marker,
        },
    };
}
