using Monitoring.Core.Results;
using Monitoring.Reports.Data;
using Monitoring.Reports.Text;
using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>
/// One small panel per school for a scale: the frame (waves, the scale's range) is the same for every
/// school of the study; the data layer draws the school's means with intervals and the network's means as a reference.
/// </summary>
internal static class SmallMultiplesChart
{
    public const int Width = 240;
    public const int Height = 160;
    private const float FontSize = 13;

    public static Plot Frame(ScaleView scale, IReadOnlyList<string> waves, Numbers numbers)
    {
        var plot = ChartStyle.NewFrame(FontSize);
        var range = scale.Max - scale.Min;
        plot.Axes.SetLimits(-0.45, waves.Count - 0.55, scale.Min - range * 0.05, scale.Max + range * 0.05);
        plot.Axes.Bottom.TickGenerator = ChartStyle.CategoryTicks(waves);
        plot.Axes.Left.TickGenerator = ChartStyle.ValueTicks(scale.Min, scale.Max, ChartStyle.NiceStep(range, 4), numbers);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return ChartStyle.Finish(plot);
    }

    public static void AddSchool(DataLayer layer, int top, PixelMap map, ScaleView scale, IReadOnlyList<Estimate?> school, IReadOnlyList<Estimate?> network)
    {
        var reference = new Stroke(SeriesStyle.NetworkReference.Hex, SeriesStyle.NetworkReference.LineWidth);
        var style = SeriesStyle.School;
        var line = new Stroke(style.Hex, style.LineWidth);
        var whisker = new Stroke(style.Hex, style.LineWidth * 0.65f);
        var dot = new Stroke(style.Hex, style.MarkerSize);
        Span<double> xs = stackalloc double[school.Count];
        Span<double> ys = stackalloc double[school.Count];
        for (var i = 0; i < network.Count; i++)
        {
            xs[i] = map.X(i);
            ys[i] = network[i] is { } n ? top + map.Y(scale.Clamp(n.Mean)) : double.NaN;
        }
        layer.Line(reference, xs, ys);
        for (var i = 0; i < school.Count; i++)
        {
            if (school[i] is not { } e)
            {
                ys[i] = double.NaN;
                continue;
            }
            ys[i] = top + map.Y(scale.Clamp(e.Mean));
            if (double.IsFinite(e.Lower) && double.IsFinite(e.Upper))
                layer.Segment(whisker, xs[i], top + map.Y(scale.Clamp(e.Lower)), xs[i], top + map.Y(scale.Clamp(e.Upper)));
        }
        layer.Line(line, xs, ys);
        for (var i = 0; i < school.Count; i++)
            if (double.IsFinite(ys[i])) layer.Dot(dot, xs[i], ys[i]);
    }
}
