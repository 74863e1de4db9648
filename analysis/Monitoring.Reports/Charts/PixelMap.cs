using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>
/// Where a frame drew its data area and which coordinates it spans: maps a value to the frame's pixels,
/// so that a data layer drawn in pixels lines up with the frame's axes.
/// </summary>
internal readonly record struct PixelMap(double Left, double Top, double Width, double Height, double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>The map of <paramref name="plot"/> after it was rendered.</summary>
    public static PixelMap Of(Plot plot)
    {
        var rect = plot.LastRender.DataRect;
        var limits = plot.Axes.GetLimits();
        return new PixelMap(rect.Left, rect.Top, rect.Width, rect.Height, limits.Left, limits.Right, limits.Bottom, limits.Top);
    }

    public double X(double x) => Left + (x - XMin) / (XMax - XMin) * Width;

    public double Y(double y) => Top + (YMax - y) / (YMax - YMin) * Height;
}
