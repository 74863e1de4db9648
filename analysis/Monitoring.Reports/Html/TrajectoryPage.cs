using Monitoring.Core.Results;
using Monitoring.Core.Studies;
using Monitoring.Reports.Charts;
using ScottPlot;

namespace Monitoring.Reports.Html;

/// <summary>
/// A researchers' overview of one trajectory: its networks' participation, the trajectory's means against
/// all networks with every network as a thin line, the trajectory's change, and how many networks changed.
/// </summary>
internal static class TrajectoryPage
{
    private const string LayerId = "td";

    public static void Write(HtmlWriter html, ReportContext context, Trajectory trajectory)
    {
        var t = context.Texts;
        var n = context.Numbers;
        var unit = trajectory.Id.Value;
        var networks = context.Study.Networks.Where(x => x.Trajectory == trajectory.Id).ToArray();
        PageFrame.Open(html, context, $"{trajectory.Name} – {t.TrajectoryReport}");
        html.Raw("<header>\n<p class=\"back\"><a href=\"index.html\">← ").Text(t.BackToIndex).Raw("</a></p>\n")
            .Element("p", context.Study.Name.In(context.Language), "kicker").Element("h1", trajectory.Name).Raw("\n<p class=\"meta\">")
            .Text(t.TrajectoryReport).Text(trajectory.Organisation is { } org ? $" · {t.Organisation}: {org}" : "")
            .Text($" · {n.Count(networks.Length)} {t.Networks.ToLowerInvariant()} · {n.Count(networks.Sum(x => x.Schools.Count))} {t.Schools.ToLowerInvariant()}")
            .Raw("</p>\n").Element("p", t.TrajectoryIntro, "lead").Element("p", context.Format(t.PrivacyIntro, context.Threshold), "privacy");
        PageFrame.Contents(html, context, [("overview", t.OverviewHeading), ("progress", t.ProgressHeading), ("change", t.ChangeHeading), ("quality", t.QualityHeading)]);
        html.Raw("</header>\n<main>\n");

        PageFrame.OpenSection(html, "overview", t.OverviewHeading);
        ParticipationCounts.Write(html, context, t.Network, networks.Select(x => (x.Name, (string?)FileNames.Network(x.Id), x.Schools)));
        PageFrame.CloseSection(html);

        PageFrame.OpenSection(html, "progress", t.ProgressHeading);
        var label = context.Format(t.TrajectoryMean, trajectory.Name);
        ChartMarkup.Legend(html, [(SeriesStyle.Focus, label), (SeriesStyle.All, t.AllNetworks), (SeriesStyle.Spread, t.NetworksOfTrajectory)]);
        html.Element("p", t.IntervalNote, "note");
        for (var s = 0; s < context.Scales.Count; s++)
        {
            var scale = context.Scales[s];
            html.Raw("<div class=\"scale\">\n").Element("h3", context.Name(scale)).Raw("\n");
            if (scale.Parent is { } parent) html.Element("p", context.Format(t.SubscaleOf, parent.Name.In(context.Language)), "subtitle");
            html.Element("p", Describe.Range(context, scale), "subtitle");
            var spread = networks.Select(x => (IReadOnlyList<Estimate?>)context.Values(AggregateLevel.Network, x.Id.Value, scale)).ToArray();
            var plot = BenchmarkChart.Build(scale, context.WaveLabels, spread, [
                new BenchmarkChart.Series(context.Values(AggregateLevel.Trajectory, unit, scale), SeriesStyle.Focus),
                new BenchmarkChart.Series(context.Values(AggregateLevel.All, context.Index.AllUnit, scale), SeriesStyle.All)],
                n, t);
            var figure = Figure.Render(plot, BenchmarkChart.Width, BenchmarkChart.Height, $"tb{s}");
            var alt = context.Format(t.ProgressAlt, context.Name(scale), Describe.RangeShort(context, scale), string.Join(" ", [
                context.Format(t.SeriesAlt, label, Describe.Series(context, AggregateLevel.Trajectory, unit, scale)),
                context.Format(t.SeriesAlt, t.AllNetworks, Describe.Series(context, AggregateLevel.All, context.Index.AllUnit, scale)),
                context.Format(t.SpreadAlt, n.Count(networks.Length))]));
            ChartMarkup.Inline(html, figure, alt);
            Describe.Gaps(html, context, AggregateLevel.Trajectory, unit, scale);
            html.Raw("</div>\n");
        }
        PageFrame.CloseSection(html);

        PageFrame.OpenSection(html, "change", t.ChangeHeading);
        html.Element("p", t.ChangeLead, "lead");
        var changes = context.Scales.Select(s => context.Index.Change(AggregateLevel.Trajectory, unit, s.Position)).ToArray();
        ChangeTable.Write(html, context, AggregateLevel.Trajectory, unit, changes);
        var reference = context.Scales.Select(s => context.Index.Change(AggregateLevel.All, context.Index.AllUnit, s.Position)).ToArray();
        var range = ChangeChart.Range(changes.Concat(reference));
        var frame = Figure.Render(ChangeChart.Frame(context.Scales.Select(context.RowLabel).ToArray(), range, reference, SeriesStyle.ReferencePoint(OkabeIto.AllHex), context.ChangeAxisLabel, n),
            ChangeChart.Width, ChangeChart.Height(context.Scales.Count), "tc");
        var layer = new DataLayer(ChangeChart.Width);
        var top = layer.AddPanel(frame.Height);
        ChangeChart.AddFocus(layer, top, frame.Map, changes, range);
        ChartMarkup.Legend(html, [(SeriesStyle.FocusPoint, label), (SeriesStyle.ReferencePoint(OkabeIto.AllHex), t.AllNetworks)]);
        html.Raw("<svg class=\"defs\" aria-hidden=\"true\" focusable=\"false\"><defs>\n").Raw(frame.Markup)
            .Raw(layer.ToSvg(LayerId)).Raw("</defs></svg>\n");
        var described = context.Scales.Select((s, i) => $"{context.Name(s)} " + (changes[i] is { Suppressed: false, Difference: { } d } ? n.Signed(d) : "–"));
        ChartMarkup.OpenWide(html);
        ChartMarkup.Layered(html, frame, LayerId, top,
            context.Format(t.ChangeAlt, context.WaveLabels[context.Index.Baseline], context.WaveLabels[context.Index.Latest], string.Join("; ", described)));
        ChartMarkup.CloseWide(html);

        html.Element("h3", t.NetworkChangesHeading).Element("p", t.NetworkChangesLead, "lead");
        html.Raw("<div class=\"table-wrap\"><table><thead><tr>").Element("th", t.Scale).Element("th", t.Rising, "num").Element("th", t.Falling, "num")
            .Element("th", t.Stable, "num").Element("th", t.NotComputed, "num").Raw("</tr></thead><tbody>\n");
        foreach (var scale in context.Scales)
        {
            var directions = networks.Select(x => ChangeTable.Direction(context, scale, context.Index.Change(AggregateLevel.Network, x.Id.Value, scale.Position))).ToArray();
            html.Raw("<tr>").Element("th", context.Name(scale), scale.Parent is null ? null : "sub")
                .Element("td", n.Count(directions.Count(d => d == 1)), "num").Element("td", n.Count(directions.Count(d => d == -1)), "num")
                .Element("td", n.Count(directions.Count(d => d == 0)), "num").Element("td", n.Count(directions.Count(d => d is null)), "num").Raw("</tr>\n");
        }
        html.Raw("</tbody></table></div>\n");
        PageFrame.CloseSection(html);

        PageFrame.OpenSection(html, "quality", t.QualityHeading);
        html.Shared(context.Quality);
        PageFrame.CloseSection(html);
        html.Raw("</main>\n");
        PageFrame.Close(html, context);
    }
}
