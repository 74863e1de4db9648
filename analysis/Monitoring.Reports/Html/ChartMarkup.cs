using System.Globalization;
using Monitoring.Reports.Charts;

namespace Monitoring.Reports.Html;

/// <summary>Writes charts as inline SVG with a text alternative (role="img", aria-label and title).</summary>
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
    public static void Inline(HtmlWriter html, Figure figure, string alt)
    {
        Open(html, figure, alt, "chart");
        html.Raw(figure.Markup).Raw("</svg>\n");
    }

    private static void Open(HtmlWriter html, Figure figure, string alt, string cssClass)
    {
        var w = figure.Width.ToString(CultureInfo.InvariantCulture);
        var h = figure.Height.ToString(CultureInfo.InvariantCulture);
        html.Raw("<svg class=\"").Raw(cssClass).Raw("\" viewBox=\"0 0 ").Raw(w).Raw(" ").Raw(h).Raw("\" width=\"").Raw(w).Raw("\" height=\"").Raw(h)
            .Raw("\" role=\"img\" aria-label=\"").Attribute(alt).Raw("\"><title>").Text(alt).Raw("</title>");
    }

    /// <summary>A legend: a line sample (solid, dashed, dotted or a band) in a colour, and its label.</summary>
    public static void Legend(HtmlWriter html, IEnumerable<(string Hex, string Style, string Label)> items)
    {
        html.Raw("<ul class=\"legend\">");
        foreach (var (hex, style, label) in items)
        {
            var css = style is "band" or "dot" or "diamond" ? $"background:{hex}" : $"border-top-color:{hex}";
            html.Raw("<li><span class=\"key ").Raw(style).Raw("\" style=\"").Raw(css).Raw("\"></span>").Text(label).Raw("</li>");
        }
        html.Raw("</ul>\n");
    }
}
