using Monitoring.Core.Results;
using Monitoring.Reports.Data;
using Monitoring.Reports.Text;
using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>
/// A scale's mean per wave: the frame holds the axes (the scale's range) and the benchmarks (the
/// trajectory's and all networks' means with their intervals); the data layer adds the network's means.
/// </summary>
internal static class ProgressChart
{
    public const int Width = 560;
    public const int Height = 320;
    private const float FontSize = 16;
    private const double AllOffset = -0.17;
    private const double TrajectoryOffset = 0;
    private const double FocusOffset = 0.17;

    public static Plot Frame(ScaleView scale, IReadOnlyList<string> waves, IReadOnlyList<Estimate?>? trajectory, IReadOnlyList<Estimate?>? all,
        Numbers numbers, ReportTexts texts)
    {
        var plot = ChartStyle.NewFrame(FontSize);
        Axes(plot, scale, waves, numbers, texts);
        if (all is not null)
            FrameMarks.Means(plot, all, AllOffset, SeriesStyle.All, scale.Min, scale.Max);
        if (trajectory is not null)
            FrameMarks.Means(plot, trajectory, TrajectoryOffset, SeriesStyle.Trajectory, scale.Min, scale.Max);
        return ChartStyle.Finish(plot);
    }

    /// <summary>Sets the axes every chart of a scale over waves shares: the waves, and the scale's whole range.</summary>
    public static void Axes(Plot plot, ScaleView scale, IReadOnlyList<string> waves, Numbers numbers, ReportTexts texts)
    {
        var range = scale.Max - scale.Min;
        plot.Axes.SetLimits(-0.5, waves.Count - 0.5, scale.Min - range * 0.04, scale.Max + range * 0.04);
        plot.Axes.Bottom.TickGenerator = ChartStyle.CategoryTicks(waves);
        plot.Axes.Left.TickGenerator = ChartStyle.ValueTicks(scale.Min, scale.Max, ChartStyle.NiceStep(range, 7), numbers);
        plot.Axes.Left.Label.Text = string.Format(numbers.Culture, texts.MeanAxis, numbers.Tick(scale.Min, 0), numbers.Tick(scale.Max, 0));
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
    }

    /// <summary>Draws the focus unit's means and intervals in the band at <paramref name="top"/>.</summary>
    public static void AddFocus(DataLayer layer, int top, PixelMap map, ScaleView scale, IReadOnlyList<Estimate?> values)
    {
        var style = SeriesStyle.Focus;
        var line = new Stroke(style.Hex, style.LineWidth);
        var whisker = new Stroke(style.Hex, style.LineWidth * 0.7f);
        var dot = new Stroke(style.Hex, style.MarkerSize);
        Span<double> xs = stackalloc double[values.Count];
        Span<double> ys = stackalloc double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            xs[i] = map.X(i + FocusOffset);
            if (values[i] is not { } e)
            {
                ys[i] = double.NaN;
                continue;
            }
            ys[i] = top + map.Y(scale.Clamp(e.Mean));
            if (double.IsFinite(e.Lower) && double.IsFinite(e.Upper))
                layer.VerticalWhisker(whisker, xs[i], top + map.Y(scale.Clamp(e.Lower)), top + map.Y(scale.Clamp(e.Upper)), 9);
        }
        layer.Line(line, xs, ys);
        for (var i = 0; i < values.Count; i++)
            if (double.IsFinite(ys[i])) layer.Dot(dot, xs[i], ys[i]);
    }
}
