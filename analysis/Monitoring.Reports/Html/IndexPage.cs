namespace Monitoring.Reports.Html;

/// <summary>The list of every report of a run, networks grouped by trajectory.</summary>
internal static class IndexPage
{
    public static void Write(HtmlWriter html, ReportContext context)
    {
        var t = context.Texts;
        var n = context.Numbers;
        var study = context.Study;
        var title = study.Name.In(context.Language);
        PageFrame.Open(html, context, $"{title} – {t.IndexTitle}");
        html.Raw("<header>\n").Element("p", t.IndexTitle, "kicker").Element("h1", title).Raw("\n")
            .Element("p", context.Format(t.PrivacyIntro, context.Threshold), "privacy").Raw("\n</header>\n<main>\n");
        html.Element("h2", t.ReportsForResearchers).Raw("\n<ul>\n<li><a href=\"").Raw(FileNames.Study).Raw("\">").Text(t.StudyReport).Raw("</a></li>\n");
        foreach (var trajectory in study.Trajectories)
            html.Raw("<li><a href=\"").Attribute(FileNames.Trajectory(trajectory.Id)).Raw("\">").Text($"{t.TrajectoryReport}: {trajectory.Name}").Raw("</a></li>\n");
        html.Raw("</ul>\n").Element("h2", t.NetworkReports).Raw("\n");
        foreach (var trajectory in study.Trajectories)
        {
            html.Element("h3", trajectory.Name).Raw("\n<ul>\n");
            foreach (var network in study.Networks.Where(x => x.Trajectory == trajectory.Id))
                html.Raw("<li><a href=\"").Attribute(FileNames.Network(network.Id)).Raw("\">").Text(network.Name).Raw("</a> ")
                    .Raw("<span class=\"note\">").Text($"({n.Count(network.Schools.Count)} {t.Schools.ToLowerInvariant()})").Raw("</span></li>\n");
            html.Raw("</ul>\n");
        }
        html.Raw("</main>\n");
        PageFrame.Close(html, context);
    }
}
