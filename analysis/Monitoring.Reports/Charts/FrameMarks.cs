using Monitoring.Core.Results;
using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>Draws series on a frame in data coordinates (frames are rendered once and shared, so they may use ScottPlot's markers).</summary>
internal static class FrameMarks
{
    /// <summary>
    /// Means per wave (at x = 0, 1, … plus <paramref name="offset"/>) joined by a line, each with its
    /// interval; a missing (suppressed) wave breaks the line. Values are clamped to [<paramref name="min"/>, <paramref name="max"/>].
    /// </summary>
    public static void Means(Plot plot, IReadOnlyList<Estimate?> values, double offset, SeriesStyle style, double min, double max)
    {
        var color = OkabeIto.Of(style.Hex);
        var xs = new double[values.Count];
        var ys = new double[values.Count];
        var wx = new List<double>();
        var wy = new List<double>();
        for (var i = 0; i < values.Count; i++)
        {
            xs[i] = i + offset;
            ys[i] = values[i] is { } e ? Math.Clamp(e.Mean, min, max) : double.NaN;
            if (values[i] is { } v && double.IsFinite(v.Lower) && double.IsFinite(v.Upper))
            {
                var (lo, hi) = (Math.Clamp(v.Lower, min, max), Math.Clamp(v.Upper, min, max));
                wx.AddRange([xs[i], xs[i], double.NaN, xs[i] - 0.03, xs[i] + 0.03, double.NaN, xs[i] - 0.03, xs[i] + 0.03, double.NaN]);
                wy.AddRange([lo, hi, double.NaN, lo, lo, double.NaN, hi, hi, double.NaN]);
            }
        }
        if (wx.Count > 0)
        {
            var whiskers = plot.Add.Scatter(wx.ToArray(), wy.ToArray(), color);
            whiskers.MarkerShape = MarkerShape.None;
            whiskers.LineWidth = Math.Max(1.2f, style.LineWidth * 0.7f);
        }
        var line = plot.Add.Scatter(xs, ys, color);
        line.LineWidth = style.LineWidth;
        line.MarkerShape = style.Marker;
        line.MarkerSize = style.MarkerSize;
    }

    /// <summary>A polyline without intervals (a network among many); NaN breaks it.</summary>
    public static void Trace(Plot plot, double[] xs, double[] ys, SeriesStyle style, double alpha)
    {
        var line = plot.Add.Scatter(xs, ys, OkabeIto.Of(style.Hex).WithAlpha(alpha));
        line.LineWidth = style.LineWidth;
        line.MarkerShape = MarkerShape.None;
    }
}
