using System.Globalization;
using System.Text;

namespace Monitoring.Reports.Charts;

/// <summary>
/// One page's own data marks (its network's means, intervals, bars), in the pixel space of the frames
/// that ScottPlot rendered: each chart of the page owns a horizontal band (a panel) of the layer, and the
/// page shows each band over its chart's frame. Values reach pixels through the frame's <see cref="PixelMap"/>,
/// i.e. ScottPlot's own axes.
/// </summary>
/// <remarks>
/// The layer writes its SVG paths itself instead of through ScottPlot's SVG export: that export (Skia's SVG
/// canvas) costs about 2 µs per path point, some 5 ms per network page, which alone exceeded the time budget
/// for a study of 2,300 networks (measured; docs/reports.md). Marks of one <see cref="Stroke"/> become one path.
/// </remarks>
internal sealed class DataLayer(int width)
{
    private readonly List<Stroke> _order = [];
    private readonly Dictionary<Stroke, StringBuilder> _paths = [];

    public int Width { get; } = width;

    public int Height { get; private set; }

    /// <summary>Reserves a band of <paramref name="height"/> pixels and returns its top.</summary>
    public int AddPanel(int height)
    {
        var top = Height;
        Height += height;
        return top;
    }

    /// <summary>A polyline through the points; a NaN coordinate breaks it.</summary>
    public void Line(Stroke stroke, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        var path = PathOf(stroke);
        var open = false;
        for (var i = 0; i < xs.Length; i++)
        {
            if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i]))
            {
                open = false;
                continue;
            }
            var next = i + 1 < xs.Length && double.IsFinite(xs[i + 1]) && double.IsFinite(ys[i + 1]);
            if (!open && !next) continue;
            Point(path, open ? 'L' : 'M', xs[i], ys[i]);
            open = true;
        }
    }

    public void Segment(Stroke stroke, double x1, double y1, double x2, double y2)
    {
        var path = PathOf(stroke);
        Point(path, 'M', x1, y1);
        Point(path, 'L', x2, y2);
    }

    /// <summary>A dot of the stroke's width: a zero-length segment with round caps.</summary>
    public void Dot(Stroke stroke, double x, double y) => Segment(stroke, x, y, x, y);

    /// <summary>A vertical interval with caps of <paramref name="cap"/> pixels.</summary>
    public void VerticalWhisker(Stroke stroke, double x, double y1, double y2, double cap)
    {
        Segment(stroke, x, y1, x, y2);
        Segment(stroke, x - cap / 2, y1, x + cap / 2, y1);
        Segment(stroke, x - cap / 2, y2, x + cap / 2, y2);
    }

    /// <summary>A horizontal interval with caps of <paramref name="cap"/> pixels.</summary>
    public void HorizontalWhisker(Stroke stroke, double y, double x1, double x2, double cap)
    {
        Segment(stroke, x1, y, x2, y);
        Segment(stroke, x1, y - cap / 2, x1, y + cap / 2);
        Segment(stroke, x2, y - cap / 2, x2, y + cap / 2);
    }

    /// <summary>The layer as an SVG group with id <paramref name="id"/>, for a page's definitions.</summary>
    public string ToSvg(string id)
    {
        var svg = new StringBuilder(_paths.Values.Sum(p => p.Length) + 256 * (_order.Count + 1));
        svg.Append("<g id=\"").Append(id).Append("\">\n");
        foreach (var stroke in _order)
        {
            svg.Append("<path fill=\"none\" stroke=\"").Append(stroke.Hex).Append("\" stroke-width=\"")
                .Append(stroke.Width.ToString("0.##", CultureInfo.InvariantCulture))
                .Append(stroke.Round ? "\" stroke-linecap=\"round\" stroke-linejoin=\"round\"" : "\"")
                .Append(" d=\"").Append(_paths[stroke]).Append("\"/>\n");
        }
        return svg.Append("</g>\n").ToString();
    }

    private static void Point(StringBuilder path, char command, double x, double y)
    {
        path.Append(command);
        Tenths(path, x);
        path.Append(' ');
        Tenths(path, y);
    }

    /// <summary>Appends a coordinate rounded to 0.1 px ("12.3", "-4", "7"), without the cost of a custom format string.</summary>
    private static void Tenths(StringBuilder path, double value)
    {
        var tenths = (long)Math.Round(value * 10, MidpointRounding.AwayFromZero);
        if (tenths < 0)
        {
            path.Append('-');
            tenths = -tenths;
        }
        path.Append(tenths / 10);
        if (tenths % 10 != 0) path.Append('.').Append((char)('0' + tenths % 10));
    }

    private StringBuilder PathOf(Stroke stroke)
    {
        if (!_paths.TryGetValue(stroke, out var path))
        {
            _paths[stroke] = path = new StringBuilder(1024);
            _order.Add(stroke);
        }
        return path;
    }
}
