using Monitoring.Reports.Charts;

namespace Monitoring.Reports.Html;

/// <summary>Content that several pages share, rendered once per run.</summary>
internal static class Sections
{
    /// <summary>The body of the quality section: reliability per scale and wave, and excluded responses.</summary>
    public static byte[] Quality(ReportContext context) => HtmlWriter.Chunk(html => Quality(html, context));

    /// <summary>McDonald's omega per scale and wave, beside alpha.</summary>
    private static void Omega(HtmlWriter html, ReportContext context)
    {
        var t = context.Texts;
        var index = context.Index;
        html.Element("h3", t.OmegaHeading).Element("p", t.OmegaLead, "lead");
        html.Raw("<div class=\"table-wrap\"><table><thead><tr>").Element("th", t.Scale);
        foreach (var wave in context.WaveLabels) html.Element("th", wave, "num");
        html.Raw("</tr></thead><tbody>\n");
        foreach (var scale in context.Scales)
        {
            html.Raw("<tr>").Element("th", context.Name(scale), scale.Parent is null ? null : "sub");
            for (var w = 0; w < index.WaveCount; w++)
            {
                var omega = index.Reliability(w, scale.Position)?.Omega;
                if (omega is { } o && double.IsFinite(o)) html.Element("td", context.Numbers.Decimal(o), "num");
                else html.Element("td", "–", "num missing");
            }
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody></table></div>\n");
    }

    private static void Quality(HtmlWriter html, ReportContext context)
    {
        var t = context.Texts;
        var n = context.Numbers;
        var index = context.Index;
        html.Element("h3", t.ReliabilityHeading).Element("p", t.ReliabilityLead, "lead");
        html.Raw("<div class=\"table-wrap\"><table><thead><tr>").Element("th", t.Scale);
        foreach (var wave in context.WaveLabels) html.Element("th", wave, "num");
        html.Raw("</tr></thead><tbody>\n");
        var below = new List<string>();
        foreach (var scale in context.Scales)
        {
            html.Raw("<tr>").Element("th", context.Name(scale), scale.Parent is null ? null : "sub");
            for (var w = 0; w < index.WaveCount; w++)
            {
                var alpha = index.Reliability(w, scale.Position)?.RawAlpha;
                if (alpha is not { } a || !double.IsFinite(a))
                    html.Element("td", "–", "num missing");
                else if (a < ReliabilityChart.Limit)
                {
                    html.Raw("<td class=\"num warn\">").Text(n.Decimal(a)).Raw(" <span>").Text(t.AlphaWarning).Raw("</span></td>");
                    below.Add($"{context.Name(scale)} ({context.WaveLabels[w]} {n.Decimal(a)})");
                }
                else html.Element("td", n.Decimal(a), "num");
            }
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody></table></div>\n");
        Omega(html, context);

        var alphas = Enumerable.Range(0, index.WaveCount)
            .Select(w => (IReadOnlyList<double?>)context.Scales.Select(s => index.Reliability(w, s.Position)?.RawAlpha).ToArray()).ToArray();
        var plot = ReliabilityChart.Build(context.Scales.Select(context.RowLabel).ToArray(), alphas, t.AlphaAxis, n);
        var figure = Figure.Render(plot, ReliabilityChart.Width, ReliabilityChart.Height(context.Scales.Count), "fq");
        ChartMarkup.Legend(html, context.WaveLabels.Select((w, i) => (SeriesStyle.Numbered(i, 0), context.WaveName(i)))
            .Append((new SeriesStyle(OkabeIto.VermillionHex, 1.5f, ScottPlot.MarkerShape.None, 0), n.Decimal(ReliabilityChart.Limit))));
        ChartMarkup.OpenWide(html);
        ChartMarkup.Inline(html, figure, context.Format(t.ReliabilityAlt, below.Count == 0 ? t.NoneBelowThreshold : string.Join("; ", below)));
        ChartMarkup.CloseWide(html);

        html.Element("h3", t.ExclusionsHeading);
        html.Element("p", context.Format(t.ExclusionsLead, n.Count(index.Results.ResponsesRead), n.Count(index.Results.ResponsesKept)));
        var exclusions = index.Results.Exclusions;
        var unknownWave = exclusions.Any(e => e.Wave is null);
        html.Raw("<div class=\"table-wrap\"><table><thead><tr>").Element("th", t.Rule);
        foreach (var wave in context.WaveLabels) html.Element("th", wave, "num");
        if (unknownWave) html.Element("th", t.UnknownWave, "num");
        html.Element("th", t.Total, "num").Raw("</tr></thead><tbody>\n");
        foreach (var rule in exclusions.Select(e => e.Rule).Distinct().Order(StringComparer.Ordinal))
        {
            html.Raw("<tr>").Element("th", t.RuleNames.GetValueOrDefault(rule, rule));
            for (var w = 0; w < index.WaveCount; w++)
            {
                var wave = context.Study.Waves[w].Id;
                html.Element("td", n.Count(exclusions.Where(e => e.Rule == rule && e.Wave == wave).Sum(e => e.Count)), "num");
            }
            if (unknownWave) html.Element("td", n.Count(exclusions.Where(e => e.Rule == rule && e.Wave is null).Sum(e => e.Count)), "num");
            html.Element("td", n.Count(exclusions.Where(e => e.Rule == rule).Sum(e => e.Count)), "num").Raw("</tr>\n");
        }
        html.Raw("</tbody></table></div>\n");
    }

    /// <summary>The profiles' centroids (chart, legend, table), or a note that they were not computed.</summary>
    public static byte[] ProfileOverview(ReportContext context) => HtmlWriter.Chunk(html => ProfileOverview(html, context));

    private static void ProfileOverview(HtmlWriter html, ReportContext context)
    {
        var t = context.Texts;
        var n = context.Numbers;
        if (context.Profiles is not { Centroids.Count: > 0 } profiles)
        {
            html.Element("p", context.Profiles is { NoClearProfiles: true } ? t.NoClearProfiles : t.ProfilesNotComputed, "note");
            return;
        }
        html.Element("p", t.ProfilesLead, "lead");
        var rows = profiles.Scales.Select(s => context.Study.FindScale(s) is { } scale ? scale.Name.In(context.Language) : s.Value).ToArray();
        var series = profiles.Centroids.Select(c => ((IReadOnlyList<double>)c.Z, c.IsStable)).ToArray();
        var baseline = profiles.BaselineWave.Value;
        var plot = ProfileCentroidChart.Build(rows, series, context.Format(t.CentroidAxis, baseline), n);
        var figure = Figure.Render(plot, ProfileCentroidChart.Width, ProfileCentroidChart.Height(rows.Length), "fk");
        ChartMarkup.Legend(html, profiles.Centroids.Select((c, i) =>
            (ProfileCentroidChart.Style(i, c.IsStable), $"{t.Profile} {c.Profile}" + (c.IsStable ? "" : $" ({t.Unstable})"))));
        var described = profiles.Centroids.Select(c => $"{t.Profile} {c.Profile}"
            + (c.IsStable ? "" : $" ({t.Unstable})") + ": "
            + string.Join(", ", c.Z.Select((z, i) => $"{rows[Math.Min(i, rows.Length - 1)]} {n.Signed(z)}")));
        ChartMarkup.OpenWide(html);
        ChartMarkup.Inline(html, figure, context.Format(t.CentroidAlt, string.Join("; ", described)));
        ChartMarkup.CloseWide(html);
        html.Raw("<div class=\"table-wrap\"><table><thead><tr>").Element("th", t.Profile).Element("th", t.ProfileName)
            .Element("th", t.ProfileSize, "num").Raw("</tr></thead><tbody>\n");
        foreach (var c in profiles.Centroids)
        {
            html.Raw("<tr>").Element("th", c.Profile.ToString(n.Culture) + (c.IsStable ? "" : " *"))
                .Element("td", c.Name.In(context.Language) + (c.IsStable ? "" : $" ({t.Unstable})"))
                .Element("td", n.Count(c.Size), "num").Raw("</tr>\n");
        }
        html.Raw("</tbody></table></div>\n");
        if (profiles.Centroids.Any(c => !c.IsStable)) html.Element("p", "* " + t.UnstableNote, "note");
    }
}
