using ScottPlot;

namespace Monitoring.Reports.Charts;

/// <summary>A rendered frame or chart: its SVG group (for a page's definitions), its size, and where its data area lies.</summary>
/// <param name="Id">The id of <paramref name="Markup"/>'s group, unique on a page.</param>
/// <param name="Width">Width in pixels (the view box).</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Markup">The figure as <c>&lt;g id="…"&gt;</c>.</param>
/// <param name="Map">The data area and its coordinates.</param>
internal sealed record Figure(string Id, int Width, int Height, string Markup, PixelMap Map)
{
    public static Figure Render(Plot plot, int width, int height, string id)
    {
        var markup = SvgExport.Fragment(plot, width, height, id);
        return new Figure(id, width, height, markup, PixelMap.Of(plot));
    }
}
