using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>
/// One page's data marks, drawn by ScottPlot on one transparent figure in pixel coordinates: each chart
/// of the page owns a horizontal band (a panel) of it, and the page shows each band over its chart's frame.
/// Marks of one <see cref="Stroke"/> become one path, so the layer costs one render however many charts use it.
/// </summary>
internal sealed class DataLayer(int width)
{
    private readonly List<Stroke> _order = [];
    private readonly Dictionary<Stroke, (List<double> X, List<double> Y)> _paths = [];

    public int Width { get; } = width;

    public int Height { get; private set; }

    /// <summary>Reserves a band of <paramref name="height"/> pixels and returns its top.</summary>
    public int AddPanel(int height)
    {
        var top = Height;
        Height += height;
        return top;
    }

    public bool IsEmpty => _order.Count == 0;

    /// <summary>A polyline through the points; a NaN coordinate breaks it.</summary>
    public void Line(Stroke stroke, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        var (x, y) = PathOf(stroke);
        for (var i = 0; i < xs.Length; i++)
        {
            x.Add(xs[i]);
            y.Add(ys[i]);
        }
        x.Add(double.NaN);
        y.Add(double.NaN);
    }

    public void Segment(Stroke stroke, double x1, double y1, double x2, double y2)
    {
        var (x, y) = PathOf(stroke);
        x.Add(x1);
        y.Add(y1);
        x.Add(x2);
        y.Add(y2);
        x.Add(double.NaN);
        y.Add(double.NaN);
    }

    /// <summary>A dot of the stroke's width (a zero-length segment with round ends).</summary>
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

    /// <summary>The layer as a frameless, transparent plot of <see cref="Width"/> × <see cref="Height"/> pixels.</summary>
    public Plot ToPlot()
    {
        var plot = new Plot();
        plot.Layout.Frameless();
        plot.HideAxesAndGrid();
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        plot.Axes.SetLimits(0, Width, Math.Max(1, Height), 0);
        foreach (var stroke in _order)
        {
            var (x, y) = _paths[stroke];
            var scatter = plot.Add.Scatter(x.ToArray(), y.ToArray(), OkabeIto.Of(stroke.Hex));
            scatter.MarkerSize = 0;
            scatter.LineWidth = stroke.Width;
            scatter.LineStyle.Rounded = stroke.Round;
            if (stroke.Dashed) scatter.LinePattern = LinePattern.Dashed;
        }
        return plot;
    }

    private (List<double> X, List<double> Y) PathOf(Stroke stroke)
    {
        if (!_paths.TryGetValue(stroke, out var path))
        {
            _paths[stroke] = path = ([], []);
            _order.Add(stroke);
        }
        return path;
    }
}
