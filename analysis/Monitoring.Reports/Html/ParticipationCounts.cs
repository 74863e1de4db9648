using Monitoring.Core.Studies;

namespace Monitoring.Reports.Html;

/// <summary>
/// For researchers' overviews: per unit (network or trajectory) and wave, how many schools have a
/// participation that may be shown, out of all its schools. Counts of suppressed rates are not summed,
/// so no hidden count can be recovered from these totals.
/// </summary>
internal static class ParticipationCounts
{
    public static void Write(HtmlWriter html, ReportContext context, string unitHeading, IEnumerable<(string Label, string? Href, IReadOnlyList<SchoolId> Schools)> units)
    {
        var t = context.Texts;
        var n = context.Numbers;
        html.Element("p", t.ParticipationCountsLead, "lead");
        html.Raw("<div class=\"table-wrap\"><table><thead><tr>").Element("th", unitHeading).Element("th", t.Schools, "num");
        foreach (var wave in context.WaveLabels) html.Element("th", wave, "num");
        html.Raw("</tr></thead><tbody>\n");
        foreach (var (label, href, schools) in units)
        {
            html.Raw("<tr><th>");
            if (href is null) html.Text(label);
            else html.Raw("<a href=\"").Attribute(href).Raw("\">").Text(label).Raw("</a>");
            html.Raw("</th>").Element("td", n.Count(schools.Count), "num");
            for (var w = 0; w < context.Index.WaveCount; w++)
            {
                var shown = schools.Count(s => context.Index.Rate(s, w) is { Suppressed: false });
                html.Element("td", $"{n.Count(shown)} / {n.Count(schools.Count)}", "num");
            }
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody></table></div>\n");
    }
}
