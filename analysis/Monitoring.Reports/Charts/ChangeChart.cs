using Monitoring.Core.Results;
using Monitoring.Reports.Data;
using Monitoring.Reports.Text;
using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>
/// Baseline → latest difference per scale (one row each) with its interval: the frame holds the rows,
/// the zero line and a reference unit's differences (diamonds); the data layer adds the focus unit's.
/// The horizontal range is shared by all units that use one frame, so that they can be compared.
/// </summary>
internal static class ChangeChart
{
    public const int Width = 600;
    private const float FontSize = 15;
    private const int RowHeight = 34;

    public static int Height(int rows) => 76 + RowHeight * rows;

    /// <summary>A symmetric range that holds every interval, rounded up to a tick step; at least ±0,5.</summary>
    public static double Range(IEnumerable<ChangeEstimate?> changes)
    {
        var max = 0.5;
        foreach (var c in changes)
        {
            if (c is null) continue;
            foreach (var v in (double?[])[c.Difference, ChangeShown.Lower(c), ChangeShown.Upper(c)])
                if (v is { } x && double.IsFinite(x)) max = Math.Max(max, Math.Abs(x));
        }
        var step = ChartStyle.NiceStep(2 * max, 8);
        return Math.Ceiling(max / step - 1e-9) * step;
    }

    public static Plot Frame(IReadOnlyList<string> rows, double range, IReadOnlyList<ChangeEstimate?>? reference, SeriesStyle referenceStyle,
        string axisLabel, Numbers numbers)
    {
        var plot = ChartStyle.NewFrame(FontSize);
        plot.Axes.SetLimits(-range * 1.04, range * 1.04, -0.6, rows.Count - 0.4);
        var labels = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < rows.Count; i++) labels.AddMajor(RowY(rows.Count, i), rows[i]);
        plot.Axes.Left.TickGenerator = labels;
        plot.Axes.Bottom.TickGenerator = ChartStyle.ValueTicks(-range, range, ChartStyle.NiceStep(2 * range, 8), numbers);
        plot.Axes.Bottom.Label.Text = axisLabel;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        var zero = plot.Add.VerticalLine(0, 1.5f, OkabeIto.Of("#555555"));
        zero.LabelText = string.Empty;
        if (reference is not null)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (var i = 0; i < reference.Count; i++)
                if (reference[i]?.Difference is { } d && double.IsFinite(d))
                {
                    xs.Add(Math.Clamp(d, -range, range));
                    ys.Add(RowY(rows.Count, i) + ReferenceOffset);
                }
            var marks = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), OkabeIto.Of(referenceStyle.Hex));
            marks.MarkerShape = referenceStyle.Marker;
            marks.MarkerSize = referenceStyle.MarkerSize;
        }
        return ChartStyle.Finish(plot);
    }

    public static void AddFocus(DataLayer layer, int top, PixelMap map, IReadOnlyList<ChangeEstimate?> rows, double range)
    {
        var whisker = new Stroke(SeriesStyle.FocusPoint.Hex, 2.4f);
        var dot = new Stroke(SeriesStyle.FocusPoint.Hex, SeriesStyle.FocusPoint.MarkerSize);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { Suppressed: false, Difference: { } d }) continue;
            var y = top + map.Y(RowY(rows.Count, i) - FocusOffset);
            if (ChangeShown.Lower(rows[i]!) is { } lo && ChangeShown.Upper(rows[i]!) is { } hi)
                layer.HorizontalWhisker(whisker, y, map.X(Math.Clamp(lo, -range, range)), map.X(Math.Clamp(hi, -range, range)), 10);
            layer.Dot(dot, map.X(Math.Clamp(d, -range, range)), y);
        }
    }

    private static double RowY(int rows, int row) => rows - 1 - row;

    // The reference sits a little above the row and the focus a little below, so neither hides the other.
    private const double ReferenceOffset = 0.17;
    private const double FocusOffset = 0.1;
}
