using Monitoring.Reports.Text;
using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>
/// A school's response rate per wave as bars from 0 to 100 %: the frame is the same for every school;
/// the data layer draws the bars (a rate above 100 % stops at 100 %). Suppressed rates have no bar.
/// </summary>
internal static class ResponseRateChart
{
    public const int Width = 240;
    public const int Height = 150;
    private const float FontSize = 13;

    public static Plot Frame(IReadOnlyList<string> waves, Numbers numbers)
    {
        var plot = ChartStyle.NewFrame(FontSize);
        plot.Axes.SetLimits(-0.6, waves.Count - 0.4, 0, 104);
        plot.Axes.Bottom.TickGenerator = ChartStyle.CategoryTicks(waves);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var v in (int[])[0, 50, 100]) ticks.AddMajor(v, numbers.Percent(v / 100.0));
        plot.Axes.Left.TickGenerator = ticks;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return ChartStyle.Finish(plot);
    }

    public static void AddSchool(DataLayer layer, int top, PixelMap map, IReadOnlyList<double?> rates)
    {
        var barWidth = (float)Math.Max(4, (map.X(0.55) - map.X(0)));
        var bar = new Stroke(OkabeIto.SkyBlueHex, barWidth, Round: false);
        var edge = new Stroke(OkabeIto.BlueHex, 2f, Round: false);
        for (var i = 0; i < rates.Count; i++)
        {
            if (rates[i] is not { } rate) continue;
            var height = Math.Clamp(rate, 0, 1) * 100;
            if (height <= 0) continue;
            var x = map.X(i);
            layer.Segment(bar, x, top + map.Y(0), x, top + map.Y(height));
            layer.Segment(edge, x - barWidth / 2, top + map.Y(height), x + barWidth / 2, top + map.Y(height));
        }
    }
}
