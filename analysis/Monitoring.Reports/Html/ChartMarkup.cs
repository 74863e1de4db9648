using System.Globalization;
using Monitoring.Reports.Charts;
using ScottPlot;

namespace Monitoring.Reports.Html;

/// <summary>Writes charts as inline SVG with a text alternative (role="img", aria-label and title), and their legends.</summary>
internal static class ChartMarkup
{
    /// <summary>A frame defined on the page, with its band of the page's data layer drawn over it.</summary>
    public static void Layered(HtmlWriter html, Figure frame, string layerId, int top, string alt, string cssClass = "chart")
    {
        Open(html, frame, alt, cssClass);
        html.Raw("<use href=\"#").Raw(frame.Id).Raw("\"/><use href=\"#").Raw(layerId).Raw("\" y=\"")
            .Raw((-top).ToString(CultureInfo.InvariantCulture)).Raw("\"/></svg>\n");
    }

    /// <summary>A complete chart, written in place.</summary>
    public static void Inline(HtmlWriter html, Figure figure, string alt, string cssClass = "chart")
    {
        Open(html, figure, alt, cssClass);
        html.Raw(figure.Markup).Raw("</svg>\n");
    }

    /// <summary>
    /// Opens a box for a chart with long row labels: on a phone it keeps a legible minimum width and
    /// scrolls sideways inside the page, instead of shrinking its text below reading size.
    /// </summary>
    public static void OpenWide(HtmlWriter html) => html.Raw("<div class=\"wide\">");

    public static void CloseWide(HtmlWriter html) => html.Raw("</div>\n");

    private static void Open(HtmlWriter html, Figure figure, string alt, string cssClass)
    {
        var w = figure.Width.ToString(CultureInfo.InvariantCulture);
        var h = figure.Height.ToString(CultureInfo.InvariantCulture);
        html.Raw("<svg class=\"").Raw(cssClass).Raw("\" viewBox=\"0 0 ").Raw(w).Raw(" ").Raw(h).Raw("\" width=\"").Raw(w).Raw("\" height=\"").Raw(h)
            .Raw("\" style=\"max-width:").Raw(w).Raw("px\" role=\"img\" aria-label=\"").Attribute(alt).Raw("\"><title>").Text(alt).Raw("</title>");
    }

    /// <summary>A legend: each series' line and marker as drawn in the chart, and its label.</summary>
    public static void Legend(HtmlWriter html, IEnumerable<(SeriesStyle Style, string Label)> items)
    {
        html.Raw("<ul class=\"legend\">");
        foreach (var (style, label) in items)
        {
            html.Raw("<li>").Raw(Key(style)).Text(label).Raw("</li>");
        }
        html.Raw("</ul>\n");
    }

    /// <summary>A 32 × 16 sample of a series' line and marker.</summary>
    private static string Key(SeriesStyle style)
    {
        var c = style.Hex;
        var line = style.LineWidth <= 0 ? ""
            : style.Dashed ? $"<path d=\"M1 8H7M11 8H17M21 8H27\" stroke=\"{c}\" stroke-width=\"{F(style.LineWidth)}\"/>"
            : $"<path d=\"M0 8H32\" stroke=\"{c}\" stroke-width=\"{F(style.LineWidth)}\"/>";
        var r = Math.Clamp(style.MarkerSize / 2, 3, 6);
        var open = style.Marker.ToString().StartsWith("Open", StringComparison.Ordinal);
        var paint = open ? $"fill=\"#fff\" stroke=\"{c}\" stroke-width=\"1.5\"" : $"fill=\"{c}\"";
        var marker = style.Marker switch
        {
            MarkerShape.FilledCircle or MarkerShape.OpenCircle => $"<circle cx=\"16\" cy=\"8\" r=\"{F(r)}\" {paint}/>",
            MarkerShape.FilledSquare or MarkerShape.OpenSquare => $"<rect x=\"{F(16 - r * 0.85)}\" y=\"{F(8 - r * 0.85)}\" width=\"{F(r * 1.7)}\" height=\"{F(r * 1.7)}\" {paint}/>",
            MarkerShape.FilledDiamond or MarkerShape.OpenDiamond => $"<path d=\"M16 {F(8 - r)}L{F(16 + r)} 8L16 {F(8 + r)}L{F(16 - r)} 8Z\" {paint}/>",
            MarkerShape.FilledTriangleUp or MarkerShape.OpenTriangleUp => $"<path d=\"M16 {F(8 - r)}L{F(16 + r)} {F(8 + r * 0.8)}L{F(16 - r)} {F(8 + r * 0.8)}Z\" {paint}/>",
            MarkerShape.FilledTriangleDown or MarkerShape.OpenTriangleDown => $"<path d=\"M16 {F(8 + r)}L{F(16 + r)} {F(8 - r * 0.8)}L{F(16 - r)} {F(8 - r * 0.8)}Z\" {paint}/>",
            _ => "",
        };
        return $"<svg class=\"key\" viewBox=\"0 0 32 16\" width=\"32\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">{line}{marker}</svg>";
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
