using Monitoring.Core.Results;
using Monitoring.Reports.Data;
using Monitoring.Reports.Text;
using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>
/// A scale over waves for researchers' overviews: many units as thin grey lines (the spread) and a few
/// highlighted series with their intervals (e.g. a trajectory and all networks). Rendered once per chart.
/// </summary>
internal static class BenchmarkChart
{
    public const int Width = ProgressChart.Width;
    public const int Height = ProgressChart.Height;
    private const float FontSize = 15;

    /// <summary>A highlighted series.</summary>
    public sealed record Series(IReadOnlyList<Estimate?> Values, SeriesStyle Style);

    public static Plot Build(ScaleView scale, IReadOnlyList<string> waves, IReadOnlyList<IReadOnlyList<Estimate?>> spread,
        IReadOnlyList<Series> highlighted, Numbers numbers, ReportTexts texts)
    {
        var plot = ChartStyle.NewFrame(FontSize);
        ProgressChart.Axes(plot, scale, waves, numbers, texts);
        if (spread.Count > 0)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (var unit in spread)
            {
                for (var i = 0; i < unit.Count; i++)
                {
                    xs.Add(i);
                    ys.Add(unit[i] is { } e ? scale.Clamp(e.Mean) : double.NaN);
                }
                xs.Add(double.NaN);
                ys.Add(double.NaN);
            }
            FrameMarks.Trace(plot, xs.ToArray(), ys.ToArray(), SeriesStyle.Spread, spread.Count > 50 ? 0.25 : 0.6);
        }
        var count = highlighted.Count;
        for (var k = 0; k < count; k++)
        {
            var offset = count == 1 ? 0 : (k - (count - 1) / 2.0) * Math.Min(0.17, 0.6 / count);
            var s = highlighted[k];
            FrameMarks.Means(plot, s.Values, offset, s.Style, scale.Min, scale.Max);
        }
        return ChartStyle.Finish(plot);
    }
}
