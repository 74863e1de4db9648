using Monitoring.Reports.Text;
using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>
/// The profile centroids: one row per scale of the profile vector, the value in baseline standard
/// deviations on the horizontal axis, one line per profile (colour and marker; unstable profiles dashed).
/// </summary>
internal static class ProfileCentroidChart
{
    public const int Width = 600;
    private const float FontSize = 15;
    private const int RowHeight = 38;

    public static int Height(int rows) => 76 + RowHeight * rows;

    /// <summary>Profile <paramref name="index"/>'s look; unstable profiles are hollow and thinner.</summary>
    public static SeriesStyle Style(int index, bool stable) => stable ? SeriesStyle.Numbered(index) : SeriesStyle.Numbered(index).Tentative();

    public static Plot Build(IReadOnlyList<string> rows, IReadOnlyList<(IReadOnlyList<double> Z, bool Stable)> profiles, string axisLabel, Numbers numbers)
    {
        var plot = ChartStyle.NewFrame(FontSize);
        var max = profiles.SelectMany(p => p.Z).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(1).Max();
        var step = ChartStyle.NiceStep(2 * max, 8);
        var range = Math.Max(1, Math.Ceiling(max / step - 1e-9) * step);
        plot.Axes.SetLimits(-range * 1.04, range * 1.04, -0.6, rows.Count - 0.4);
        var labels = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < rows.Count; i++) labels.AddMajor(rows.Count - 1 - i, rows[i]);
        plot.Axes.Left.TickGenerator = labels;
        plot.Axes.Bottom.TickGenerator = ChartStyle.ValueTicks(-range, range, ChartStyle.NiceStep(2 * range, 8), numbers);
        plot.Axes.Bottom.Label.Text = axisLabel;
        plot.Add.VerticalLine(0, 1.5f, OkabeIto.Of("#555555"));
        for (var p = 0; p < profiles.Count; p++)
        {
            var (z, stable) = profiles[p];
            var ys = Enumerable.Range(0, z.Count).Select(i => (double)(rows.Count - 1 - i)).ToArray();
            var style = Style(p, stable);
            var line = plot.Add.Scatter(z.Select(v => Math.Clamp(v, -range, range)).ToArray(), ys, OkabeIto.Of(style.Hex));
            line.LineWidth = style.LineWidth;
            line.MarkerShape = style.Marker;
            line.MarkerSize = style.MarkerSize;
        }
        return ChartStyle.Finish(plot);
    }
}
