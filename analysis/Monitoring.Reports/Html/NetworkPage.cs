using Monitoring.Core.Privacy;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;
using Monitoring.Reports.Charts;
using Monitoring.Reports.Data;

namespace Monitoring.Reports.Html;

/// <summary>
/// A network coordinator's report: participation, progress against the benchmarks, change, school
/// profiles and measurement quality. Suppressed values are never drawn or printed; each gap says why.
/// </summary>
internal static class NetworkPage
{
    private const string LayerId = "nd";

    public static void Write(HtmlWriter html, ReportContext context, Network network)
    {
        var t = context.Texts;
        var trajectory = context.Study.FindTrajectory(network.Trajectory)!;
        var position = context.PositionOf(network.Trajectory);
        var layer = new DataLayer(ProgressChart.Width);
        PageFrame.Open(html, context, $"{network.Name} – {t.NetworkReport}");
        html.Shared(context.NetworkDefinitions(position));

        html.Raw("<header>\n<p class=\"back\"><a href=\"index.html\">← ").Text(t.BackToIndex).Raw("</a></p>\n<p class=\"kicker\">")
            .Text(context.Study.Name.In(context.Language)).Raw("</p>\n").Element("h1", network.Name).Raw("\n<p class=\"meta\">")
            .Text(t.NetworkReport).Raw(" · ").Text(t.Trajectory).Raw(": ").Text(trajectory.Name)
            .Text(trajectory.Organisation is { } org ? $" ({org})" : "").Raw(" · ")
            .Text($"{context.Numbers.Count(network.Schools.Count)} {t.Schools.ToLowerInvariant()}").Raw("<br/>").Text(t.Waves).Raw(": ")
            .Text(string.Join("; ", context.Study.Waves.Select(w => w.Name.In(context.Language)))).Raw("</p>\n");
        html.Element("p", t.NetworkIntro, "lead").Raw("\n").Element("p", context.Format(t.PrivacyIntro, context.Threshold), "privacy").Raw("\n");
        PageFrame.Contents(html, context, [("participation", t.ParticipationHeading), ("progress", t.ProgressHeading),
            ("change", t.ChangeHeading), ("profiles", t.ProfilesHeading), ("quality", t.QualityHeading)]);
        html.Raw("</header>\n<main>\n");

        Participation(html, context, network, layer);
        Progress(html, context, network, trajectory, layer);
        Change(html, context, network, trajectory, position, layer);
        Profiles(html, context, network);
        PageFrame.OpenSection(html, "quality", t.QualityHeading);
        html.Shared(context.Quality);
        PageFrame.CloseSection(html);
        html.Raw("</main>\n");

        html.Raw("<svg class=\"defs\" aria-hidden=\"true\" focusable=\"false\"><defs>\n").Raw(layer.ToSvg(LayerId)).Raw("</defs></svg>\n");
        PageFrame.Close(html, context);
    }

    private static void Participation(HtmlWriter html, ReportContext context, Network network, DataLayer layer)
    {
        var t = context.Texts;
        var n = context.Numbers;
        var index = context.Index;
        PageFrame.OpenSection(html, "participation", t.ParticipationHeading);
        html.Element("p", t.ParticipationLead, "lead");
        html.Raw("<div class=\"table-wrap\"><table><caption>").Text($"{t.Responses} ({t.ResponseRate.ToLowerInvariant()})")
            .Raw("</caption><thead><tr>").Element("th", t.School);
        foreach (var wave in context.WaveLabels) html.Element("th", wave, "num");
        html.Raw("</tr></thead><tbody>\n");
        bool below = false, complementary = false, withheld = false, unknown = false, above = false;
        var panels = new List<(School School, double?[] Rates, string Alt)>();
        foreach (var id in network.Schools)
        {
            var school = context.Study.FindSchool(id)!;
            html.Raw("<tr>").Element("th", school.Name);
            var rates = new double?[index.WaveCount];
            var described = new List<string>();
            for (var w = 0; w < index.WaveCount; w++)
            {
                var rate = index.Rate(id, w);
                if (rate is null || rate.Suppressed)
                {
                    var decision = rate?.Disclosure ?? Disclosure.BelowThreshold;
                    below |= decision == Disclosure.BelowThreshold;
                    complementary |= decision == Disclosure.Complementary;
                    withheld |= decision == Disclosure.Withheld;
                    html.Raw("<td class=\"num missing\">–<sup>").Raw(decision switch { Disclosure.Complementary => "b", Disclosure.Withheld => "d", _ => "a" }).Raw("</sup></td>");
                    described.Add($"{context.WaveLabels[w]} {t.NotShown.ToLowerInvariant()} ({context.ReasonFor(decision)})");
                    continue;
                }
                html.Raw("<td class=\"num\">").Text(n.Count(rate.Responses));
                if (rate.Rate is { } r)
                {
                    html.Raw(" (").Text(n.Percent(r)).Raw(")</td>");
                    rates[w] = r;
                    above |= r > 1;
                    described.Add($"{context.WaveLabels[w]} {n.Percent(r)}");
                }
                else
                {
                    unknown = true;
                    html.Raw(" (?<sup>c</sup>)</td>");
                    described.Add($"{context.WaveLabels[w]} {t.StaffUnknown}");
                }
            }
            html.Raw("</tr>\n");
            panels.Add((school, rates, context.Format(t.ResponseRateAlt, school.Name, string.Join(", ", described))));
        }
        html.Raw("</tbody></table></div>\n");
        if (below) html.Raw("<p class=\"note\"><sup>a</sup> ").Text($"{t.NotShown}: {context.BelowThreshold}.").Raw("</p>\n");
        if (complementary) html.Raw("<p class=\"note\"><sup>b</sup> ").Text($"{t.NotShown}: {t.ReasonComplementary}.").Raw("</p>\n");
        if (unknown) html.Raw("<p class=\"note\"><sup>c</sup> ").Text(t.StaffUnknown + ".").Raw("</p>\n");
        if (withheld) html.Raw("<p class=\"note\"><sup>d</sup> ").Text($"{t.NotShown}: {t.ReasonWithheld}.").Raw("</p>\n");

        html.Raw("<div class=\"multiples\">\n");
        foreach (var (school, rates, alt) in panels)
        {
            if (rates.All(r => r is null)) continue;
            var top = layer.AddPanel(ResponseRateChart.Height);
            ResponseRateChart.AddSchool(layer, top, context.RateFrame.Map, rates);
            html.Raw("<figure><figcaption>").Text(school.Name).Raw("</figcaption>\n");
            ChartMarkup.Layered(html, context.RateFrame, LayerId, top, alt);
            html.Raw("</figure>\n");
        }
        html.Raw("</div>\n");
        if (above) html.Element("p", t.RateAbove100, "note");
        PageFrame.CloseSection(html);
    }

    private static void Progress(HtmlWriter html, ReportContext context, Network network, Trajectory trajectory, DataLayer layer)
    {
        var t = context.Texts;
        var position = context.PositionOf(trajectory.Id);
        PageFrame.OpenSection(html, "progress", t.ProgressHeading);
        html.Element("p", t.ProgressLead, "lead");
        var trajectoryLabel = context.Format(t.TrajectoryMean, trajectory.Name);
        ChartMarkup.Legend(html, [(SeriesStyle.Focus, t.ThisNetwork), (SeriesStyle.Trajectory, trajectoryLabel), (SeriesStyle.All, t.AllNetworks)]);
        html.Element("p", t.IntervalNote, "note");
        var schools = network.Schools.Select(s => context.Study.FindSchool(s)!).ToArray();
        for (var s = 0; s < context.Scales.Count; s++)
        {
            var scale = context.Scales[s];
            var name = context.Name(scale);
            html.Raw("<div class=\"scale\">\n<h3 id=\"scale-").Raw(s.ToString(context.Numbers.Culture)).Raw("\">").Text(name).Raw("</h3>\n");
            if (scale.Parent is { } parent) html.Element("p", context.Format(t.SubscaleOf, parent.Name.In(context.Language)), "subtitle");
            html.Element("p", Describe.Range(context, scale), "subtitle");

            var values = context.Values(AggregateLevel.Network, network.Id.Value, scale);
            var frame = context.ProgressFrame(position, s);
            var top = layer.AddPanel(ProgressChart.Height);
            ProgressChart.AddFocus(layer, top, frame.Map, scale, values);
            var series = string.Join(" ", [
                context.Format(t.SeriesAlt, t.ThisNetwork, Describe.Series(context, AggregateLevel.Network, network.Id.Value, scale)),
                context.Format(t.SeriesAlt, trajectoryLabel, Describe.Series(context, AggregateLevel.Trajectory, trajectory.Id.Value, scale)),
                context.Format(t.SeriesAlt, t.AllNetworks, Describe.Series(context, AggregateLevel.All, context.Index.AllUnit, scale))]);
            ChartMarkup.Layered(html, frame, LayerId, top, context.Format(t.ProgressAlt, name, Describe.RangeShort(context, scale), series));
            Describe.Gaps(html, context, AggregateLevel.Network, network.Id.Value, scale);

            html.Element("h4", t.BySchool);
            if (s == 0)
            {
                html.Element("p", t.BySchoolLead, "note");
                ChartMarkup.Legend(html, [(SeriesStyle.School, t.ThisSchool), (SeriesStyle.NetworkReference, t.ThisNetwork)]);
            }
            html.Raw("<div class=\"multiples\">\n");
            var hidden = new List<string>();
            foreach (var school in schools)
            {
                var own = context.Values(AggregateLevel.School, school.Id.Value, scale);
                if (own.All(v => v is null))
                {
                    hidden.Add($"{school.Name} ({context.ReasonFor(context.Index.Aggregate(AggregateLevel.School, school.Id.Value, 0, scale.Position))})");
                    continue;
                }
                var small = context.SmallFrame(s);
                var panel = layer.AddPanel(SmallMultiplesChart.Height);
                SmallMultiplesChart.AddSchool(layer, panel, small.Map, scale, own, values);
                html.Raw("<figure><figcaption>").Text(school.Name);
                var gaps = Describe.GapList(context, AggregateLevel.School, school.Id.Value, scale);
                if (gaps.Length > 0) html.Raw("<small>").Text(gaps).Raw("</small>");
                html.Raw("</figcaption>\n");
                ChartMarkup.Layered(html, small, LayerId, panel,
                    context.Format(t.SchoolAlt, school.Name, name, Describe.Series(context, AggregateLevel.School, school.Id.Value, scale)));
                html.Raw("</figure>\n");
            }
            html.Raw("</div>\n");
            if (hidden.Count > 0) html.Element("p", $"{t.NotShown}: {string.Join("; ", hidden)}.", "note");
            html.Raw("</div>\n");
        }
        PageFrame.CloseSection(html);
    }

    private static void Change(HtmlWriter html, ReportContext context, Network network, Trajectory trajectory, int position, DataLayer layer)
    {
        var t = context.Texts;
        var n = context.Numbers;
        PageFrame.OpenSection(html, "change", t.ChangeHeading);
        html.Element("p", t.ChangeLead, "lead");
        var changes = context.Scales.Select(s => context.Index.Change(AggregateLevel.Network, network.Id.Value, s.Position)).ToArray();
        ChangeTable.Write(html, context, AggregateLevel.Network, network.Id.Value, changes);
        var frame = context.ChangeFrame(position);
        var top = layer.AddPanel(frame.Height);
        ChangeChart.AddFocus(layer, top, frame.Map, changes, context.ChangeRange(position));
        ChartMarkup.Legend(html, [(SeriesStyle.FocusPoint, t.ThisNetwork), (SeriesStyle.ReferencePoint(OkabeIto.TrajectoryHex), context.Format(t.TrajectoryMean, trajectory.Name))]);
        var described = context.Scales.Select((s, i) => $"{context.Name(s)} " + (changes[i] is { Suppressed: false, Difference: { } d } c
            ? n.Signed(d) + (ChangeShown.Lower(c) is { } lo && ChangeShown.Upper(c) is { } hi ? " " + n.Interval(lo, hi) : "")
            : "–"));
        ChartMarkup.OpenWide(html);
        ChartMarkup.Layered(html, frame, LayerId, top,
            context.Format(t.ChangeAlt, context.WaveLabels[context.Index.Baseline], context.WaveLabels[context.Index.Latest], string.Join("; ", described)));
        ChartMarkup.CloseWide(html);
        html.Element("p", t.ChangeTrajectoryMark, "note");
        PageFrame.CloseSection(html);
    }

    private static void Profiles(HtmlWriter html, ReportContext context, Network network)
    {
        var t = context.Texts;
        PageFrame.OpenSection(html, "profiles", t.ProfilesHeading);
        html.Shared(context.ProfileOverview);
        if (context.Profiles is { Centroids.Count: > 0 } profiles)
        {
            var unstable = profiles.Centroids.Where(c => !c.IsStable).Select(c => c.Profile).ToHashSet();
            html.Element("h3", t.ProfileAssignmentsHeading);
            html.Raw("<div class=\"table-wrap\"><table><thead><tr>").Element("th", t.School);
            foreach (var wave in context.WaveLabels) html.Element("th", wave, "num");
            html.Element("th", t.Movement).Raw("</tr></thead><tbody>\n");
            foreach (var id in network.Schools)
            {
                var school = context.Study.FindSchool(id)!;
                html.Raw("<tr>").Element("th", school.Name);
                var path = new List<string>();
                for (var w = 0; w < context.Index.WaveCount; w++)
                {
                    if (context.ProfileOf(id, w) is { } p)
                    {
                        var label = p.ToString(context.Numbers.Culture) + (unstable.Contains(p) ? "*" : "");
                        html.Element("td", label, "num");
                        path.Add(label);
                    }
                    else
                    {
                        html.Element("td", "–", "num missing");
                        path.Add("–");
                    }
                }
                html.Element("td", path.All(p => p == "–") ? t.NoProfile : string.Join(" → ", path)).Raw("</tr>\n");
            }
            html.Raw("</tbody></table></div>\n");
            html.Element("p", t.NoProfileNote, "note");
        }
        PageFrame.CloseSection(html);
    }
}
