using System.Text.RegularExpressions;
using System.Text;
using ScottPlot;
using SkiaSharp;

namespace Monitoring.Reports.Charts;

/// <summary>Turns a ScottPlot figure into an SVG group that a page defines once and shows with &lt;use&gt;.</summary>
internal static partial class SvgExport
{
    /// <summary>
    /// Renders <paramref name="plot"/> as SVG and returns its content as <c>&lt;g id="…"&gt;</c>. The
    /// figure's own ids (clip paths) are renumbered under <paramref name="id"/>: unique on the page, and
    /// the same on every run, which ScottPlot's process-wide counter is not.
    /// </summary>
    public static string Fragment(Plot plot, int width, int height, string id)
    {
        ArgumentNullException.ThrowIfNull(plot);
        // Plot.GetSvgXml costs several times a render onto our own SVG canvas (measured), so render directly.
        string xml;
        using (var stream = new MemoryStream())
        {
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
                plot.Render(canvas, width, height);
            xml = Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
        }
        var start = xml.IndexOf("<svg", StringComparison.Ordinal);
        start = xml.IndexOf('>', start) + 1;
        var end = xml.LastIndexOf("</svg>", StringComparison.Ordinal);
        if (end < start) end = xml.Length;
        var body = xml.AsSpan(start, end - start).Trim().ToString();
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        string Rename(string old)
        {
            if (!renamed.TryGetValue(old, out var name))
                renamed[old] = name = $"{id}-{renamed.Count}";
            return name;
        }
        body = References().Replace(body, m =>
            m.Groups["id"].Success ? $"id=\"{Rename(m.Groups["id"].Value)}\""
            : m.Groups["url"].Success ? $"url(#{Rename(m.Groups["url"].Value)})"
            : $"href=\"#{Rename(m.Groups["href"].Value)}\"");
        body = Indentation().Replace(body, "\n");
        // ScottPlot clears the canvas with a transparent colour, which Skia's SVG canvas writes as a rect without
        // a fill, i.e. black: hidden under the figure's background on screen, a dark seam at its edges in print.
        body = UnfilledClear().Replace(body, "", 1);
        // Skia writes every glyph's position; the start is enough for the font the page asks for, and a third of the size.
        body = GlyphPositions().Replace(body, "${name}=\"${first}\"");
        return $"<g id=\"{id}\">\n{body}\n</g>\n";
    }

    [GeneratedRegex(@"\bid=""(?<id>[^""]+)""|url\(#(?<url>[^)]+)\)|(?:xlink:)?href=""#(?<href>[^""]+)""")]
    private static partial Regex References();

    [GeneratedRegex(@"\b(?<name>x|y)=""(?<first>[^"",]+),[^""]*""")]
    private static partial Regex GlyphPositions();

    [GeneratedRegex(@"^<rect width=""[\d.]+"" height=""[\d.]+""/>\n?")]
    private static partial Regex UnfilledClear();

    [GeneratedRegex(@"\r?\n\s*")]
    private static partial Regex Indentation();
}
