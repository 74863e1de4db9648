using Monitoring.Reports.Text;
using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>
/// Cronbach's alpha per scale (rows) and wave (colour and marker), with the region below 0.70 shaded and
/// a dashed limit at 0.70, so a weak scale stands out. Rendered once for all reports of a run.
/// </summary>
internal static class ReliabilityChart
{
    public const int Width = 600;
    public const double Limit = 0.70;
    private const float FontSize = 15;
    private const int RowHeight = 34;

    public static int Height(int rows) => 76 + RowHeight * rows;

    /// <param name="rows">Row labels, top to bottom.</param>
    /// <param name="alpha">Per wave, per row: alpha, or null when not computed.</param>
    public static Plot Build(IReadOnlyList<string> rows, IReadOnlyList<IReadOnlyList<double?>> alpha, string axisLabel, Numbers numbers)
    {
        var plot = ChartStyle.NewFrame(FontSize);
        var lowest = alpha.SelectMany(a => a).Where(a => a is { } v && double.IsFinite(v)).Select(a => a!.Value).DefaultIfEmpty(1).Min();
        var left = Math.Min(0.5, Math.Floor(lowest * 10 - 0.5) / 10);
        plot.Axes.SetLimits(left, 1.0, -0.6, rows.Count - 0.4);
        var labels = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < rows.Count; i++) labels.AddMajor(rows.Count - 1 - i, rows[i]);
        plot.Axes.Left.TickGenerator = labels;
        plot.Axes.Bottom.TickGenerator = ChartStyle.ValueTicks(left, 1.0, ChartStyle.NiceStep(1.0 - left, 6), numbers);
        plot.Axes.Bottom.Label.Text = axisLabel;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        var weak = plot.Add.HorizontalSpan(left, Limit);
        weak.FillColor = OkabeIto.Of(OkabeIto.VermillionHex).WithAlpha(0.10);
        weak.LineWidth = 0;
        plot.Add.VerticalLine(Limit, 1.5f, OkabeIto.Of(OkabeIto.VermillionHex));
        for (var w = 0; w < alpha.Count; w++)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            var offset = alpha.Count == 1 ? 0 : ((alpha.Count - 1) / 2.0 - w) * 0.22;
            for (var r = 0; r < rows.Count; r++)
                if (alpha[w][r] is { } a && double.IsFinite(a))
                {
                    xs.Add(Math.Max(a, left));
                    ys.Add(rows.Count - 1 - r + offset);
                }
            var style = SeriesStyle.Numbered(w);
            var points = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), OkabeIto.Of(style.Hex));
            points.MarkerShape = style.Marker;
            points.MarkerSize = style.MarkerSize;
        }
        return ChartStyle.Finish(plot);
    }
}
