using Monitoring.Core.Results;
using Monitoring.Reports.Charts;
using ScottPlot;

namespace Monitoring.Reports.Html;

/// <summary>
/// A researchers' overview of the whole study: participation per trajectory, every trajectory's means
/// against all networks, change per trajectory, the school profiles, and the quality of the measurements
/// including the intraclass correlations.
/// </summary>
internal static class StudyPage
{
    public static void Write(HtmlWriter html, ReportContext context)
    {
        var t = context.Texts;
        var n = context.Numbers;
        var study = context.Study;
        var all = context.Index.AllUnit;
        var title = study.Name.In(context.Language);
        PageFrame.Open(html, context, $"{title} – {t.StudyReport}");
        html.Raw("<header>\n<p class=\"back\"><a href=\"index.html\">← ").Text(t.BackToIndex).Raw("</a></p>\n")
            .Element("p", t.StudyReport, "kicker").Element("h1", title).Raw("\n<p class=\"meta\">")
            .Text($"{n.Count(study.Trajectories.Count)} {t.Trajectories.ToLowerInvariant()} · {n.Count(study.Networks.Count)} {t.Networks.ToLowerInvariant()} · {n.Count(study.Schools.Count)} {t.Schools.ToLowerInvariant()}")
            .Raw("<br/>").Text(t.Waves).Raw(": ").Text(string.Join("; ", study.Waves.Select(w => w.Name.In(context.Language)))).Raw("</p>\n")
            .Element("p", t.StudyIntro, "lead").Element("p", context.Format(t.PrivacyIntro, context.Threshold), "privacy");
        PageFrame.Contents(html, context, [("overview", t.OverviewHeading), ("progress", t.ProgressHeading), ("change", t.ChangeHeading),
            ("profiles", t.ProfilesHeading), ("quality", t.QualityHeading)]);
        html.Raw("</header>\n<main>\n");

        PageFrame.OpenSection(html, "overview", t.OverviewHeading);
        ParticipationCounts.Write(html, context, t.Trajectory, study.Trajectories.Select(x =>
            (x.Name, (string?)FileNames.Trajectory(x.Id), (IReadOnlyList<Core.Studies.SchoolId>)study.Networks.Where(k => k.Trajectory == x.Id).SelectMany(k => k.Schools).ToArray())));
        PageFrame.CloseSection(html);

        PageFrame.OpenSection(html, "progress", t.ProgressHeading);
        var labels = study.Trajectories.Select(x => context.Format(t.TrajectoryMean, x.Name)).ToArray();
        ChartMarkup.Legend(html, labels.Select((l, i) => (SeriesStyle.Numbered(i), l)).Append((SeriesStyle.All, t.AllNetworks)));
        html.Element("p", t.IntervalNote, "note");
        for (var s = 0; s < context.Scales.Count; s++)
        {
            var scale = context.Scales[s];
            html.Raw("<div class=\"scale\">\n").Element("h3", context.Name(scale)).Raw("\n");
            if (scale.Parent is { } parent) html.Element("p", context.Format(t.SubscaleOf, parent.Name.In(context.Language)), "subtitle");
            html.Element("p", Describe.Range(context, scale), "subtitle");
            var series = study.Trajectories.Select((x, i) => new BenchmarkChart.Series(context.Values(AggregateLevel.Trajectory, x.Id.Value, scale),
                    SeriesStyle.Numbered(i)))
                .Append(new BenchmarkChart.Series(context.Values(AggregateLevel.All, all, scale), SeriesStyle.All))
                .ToArray();
            var figure = Figure.Render(BenchmarkChart.Build(scale, context.WaveLabels, [], series, n, t), BenchmarkChart.Width, BenchmarkChart.Height, $"sb{s}");
            var described = study.Trajectories.Select((x, i) => context.Format(t.SeriesAlt, labels[i], Describe.Series(context, AggregateLevel.Trajectory, x.Id.Value, scale)))
                .Append(context.Format(t.SeriesAlt, t.AllNetworks, Describe.Series(context, AggregateLevel.All, all, scale)));
            ChartMarkup.Inline(html, figure, context.Format(t.ProgressAlt, context.Name(scale), Describe.RangeShort(context, scale), string.Join(" ", described)));
            html.Raw("</div>\n");
        }
        PageFrame.CloseSection(html);

        PageFrame.OpenSection(html, "change", t.ChangeHeading);
        html.Element("p", t.ChangeLead, "lead");
        ChangeTable.Write(html, context, AggregateLevel.All, all,
            context.Scales.Select(s => context.Index.Change(AggregateLevel.All, all, s.Position)).ToArray());
        html.Element("h3", t.ChangePerTrajectoryHeading);
        html.Raw("<div class=\"table-wrap\"><table><thead><tr>").Element("th", t.Scale);
        foreach (var trajectory in study.Trajectories) html.Element("th", trajectory.Name, "num");
        html.Raw("</tr></thead><tbody>\n");
        foreach (var scale in context.Scales)
        {
            html.Raw("<tr>").Element("th", context.Name(scale), scale.Parent is null ? null : "sub");
            foreach (var trajectory in study.Trajectories)
            {
                var change = context.Index.Change(AggregateLevel.Trajectory, trajectory.Id.Value, scale.Position);
                var direction = ChangeTable.Direction(context, scale, change);
                html.Element("td", direction is null ? "–" : n.Signed(change!.Difference!.Value) + (direction == 1 ? " ↑" : direction == -1 ? " ↓" : ""),
                    direction is null ? "num missing" : "num");
            }
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody></table></div>\n").Element("p", t.ArrowsNote, "note");
        PageFrame.CloseSection(html);

        PageFrame.OpenSection(html, "profiles", t.ProfilesHeading);
        html.Shared(context.ProfileOverview);
        if (context.Profiles is { Centroids.Count: > 0 } profiles)
        {
            html.Element("h3", t.ProfileCountsHeading);
            html.Raw("<div class=\"table-wrap\"><table><thead><tr>").Element("th", t.Profile);
            foreach (var wave in context.WaveLabels) html.Element("th", wave, "num");
            html.Raw("</tr></thead><tbody>\n");
            foreach (var centroid in profiles.Centroids)
            {
                html.Raw("<tr>").Element("th", centroid.Profile.ToString(n.Culture) + (centroid.IsStable ? "" : " *"));
                for (var w = 0; w < context.Index.WaveCount; w++)
                {
                    var wave = study.Waves[w].Id;
                    html.Element("td", n.Count(profiles.Assignments.Count(a => a.Wave == wave && a.Profile == centroid.Profile)), "num");
                }
                html.Raw("</tr>\n");
            }
            html.Raw("</tbody></table></div>\n");
        }
        PageFrame.CloseSection(html);

        PageFrame.OpenSection(html, "quality", t.QualityHeading);
        html.Shared(context.Quality);
        html.Element("h3", t.IntraclassHeading).Element("p", t.IntraclassLead, "lead");
        html.Raw("<div class=\"table-wrap\"><table><thead><tr>").Element("th", t.Scale);
        foreach (var wave in context.WaveLabels) html.Element("th", $"{wave} ICC(1)", "num").Element("th", $"{wave} ICC(2)", "num");
        html.Raw("</tr></thead><tbody>\n");
        foreach (var scale in context.Scales)
        {
            html.Raw("<tr>").Element("th", context.Name(scale), scale.Parent is null ? null : "sub");
            for (var w = 0; w < context.Index.WaveCount; w++)
            {
                var icc = context.Index.Intraclass(w, scale.Position);
                html.Element("td", icc is { } a && double.IsFinite(a.Icc1) ? n.Decimal(a.Icc1) : "–", "num")
                    .Element("td", icc is { } b && double.IsFinite(b.Icc2) ? n.Decimal(b.Icc2) : "–", "num");
            }
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody></table></div>\n");
        PageFrame.CloseSection(html);
        html.Raw("</main>\n");
        PageFrame.Close(html, context);
    }
}
