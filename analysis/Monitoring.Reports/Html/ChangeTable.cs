using Monitoring.Core.Results;
using Monitoring.Reports.Data;

namespace Monitoring.Reports.Html;

/// <summary>
/// The change from the baseline to the latest wave per scale: one plain sentence each, claiming a rise or
/// fall only when the panel interval excludes zero (<see cref="ChangeShown"/>), and a table with the means, difference,
/// that interval and Hedges' g.
/// </summary>
internal static class ChangeTable
{
    public static void Write(HtmlWriter html, ReportContext context, AggregateLevel level, string unit, IReadOnlyList<ChangeEstimate?> changes)
    {
        var t = context.Texts;
        var n = context.Numbers;
        var from = context.WaveLabels[context.Index.Baseline];
        var to = context.WaveLabels[context.Index.Latest];
        html.Raw("<ul class=\"sentences\">\n");
        for (var i = 0; i < context.Scales.Count; i++)
            html.Element("li", Sentence(context, level, unit, i, changes[i])).Raw("\n");
        html.Raw("</ul>\n");

        html.Raw("<div class=\"table-wrap\"><table><thead><tr>").Element("th", t.Scale).Element("th", from, "num").Element("th", to, "num")
            .Element("th", t.Difference, "num").Element("th", t.Interval, "num").Element("th", "g", "num").Raw("</tr></thead><tbody>\n");
        for (var i = 0; i < context.Scales.Count; i++)
        {
            var scale = context.Scales[i];
            html.Raw("<tr>").Element("th", context.Name(scale), scale.Parent is null ? null : "sub");
            if (NotInvariant(context, context.Scales[i]) is not null)
            {
                html.Raw("<td class=\"missing\" colspan=\"5\">").Text("– " + t.NotInvariantCell).Raw("</td>");
            }
            else if (changes[i] is { Suppressed: false, Difference: { } d } c)
            {
                html.Element("td", c.MeanFrom is { } a ? n.Decimal(a) : "–", "num").Element("td", c.MeanTo is { } b ? n.Decimal(b) : "–", "num")
                    .Element("td", n.Signed(d), "num")
                    .Element("td", ChangeShown.Lower(c) is { } lo && ChangeShown.Upper(c) is { } hi ? n.Interval(lo, hi) : "–", "num")
                    .Element("td", ChangeShown.EffectSize(c) is { } es ? n.Decimal(es) : "–", "num");
            }
            else
            {
                html.Raw("<td class=\"missing\" colspan=\"5\">").Text("– " + Reason(context, level, unit, i)).Raw("</td>");
            }
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody></table></div>\n");
        ItemTrends(html, context);
    }

    /// <summary>The scale's invariance across waves when scalar invariance does not hold for it (the gate), else null.</summary>
    public static ScaleInvariance? NotInvariant(ReportContext context, ScaleView scale)
    {
        var id = scale.Scale.Id;
        foreach (var invariance in context.Index.Results.Invariance)
            if (invariance.Scale == id && invariance.Grouping == "wave")
                return invariance.ScalarHolds ? null : invariance;
        return null;
    }

    /// <summary>Item means per wave of every scale the gate holds back: what changed, item by item.</summary>
    private static void ItemTrends(HtmlWriter html, ReportContext context)
    {
        var t = context.Texts;
        var gated = Enumerable.Range(0, context.Scales.Count).Select(i => (Row: i, Invariance: NotInvariant(context, context.Scales[i]))).Where(g => g.Invariance is not null).ToArray();
        if (gated.Length == 0) return;
        html.Element("h3", t.ItemTrendsHeading).Element("p", t.ItemTrendsLead, "lead");
        foreach (var (row, invariance) in gated)
        {
            var scale = context.Scales[row];
            html.Raw("<div class=\"table-wrap item-trends\"><table><caption>").Text(context.Name(scale)).Raw("</caption><thead><tr>").Element("th", t.Item);
            foreach (var group in invariance!.Groups) html.Element("th", group, "num");
            html.Raw("</tr></thead><tbody>\n");
            for (var k = 0; k < scale.Scale.Items.Count; k++)
            {
                html.Raw("<tr>").Element("th", scale.Scale.Items[k].Value);
                foreach (var means in invariance.ItemMeans)
                    html.Element("td", k < means.Count && double.IsFinite(means[k]) ? context.Numbers.Decimal(means[k]) : "–", "num");
                html.Raw("</tr>\n");
            }
            html.Raw("</tbody></table></div>\n");
        }
    }

    /// <summary>"Bevlogenheid steeg van T0 naar T2 (g = 0,35)."</summary>
    public static string Sentence(ReportContext context, AggregateLevel level, string unit, int row, ChangeEstimate? change)
    {
        var t = context.Texts;
        var n = context.Numbers;
        var name = context.Name(context.Scales[row]);
        var from = context.WaveLabels[context.Index.Baseline];
        var to = context.WaveLabels[context.Index.Latest];
        if (NotInvariant(context, context.Scales[row]) is not null)
            return context.Format(t.NotInvariant, name, from, to);
        if (change is not { Suppressed: false, Difference: { } difference })
            return context.Format(t.ChangeNotComputed, name, from, to, Reason(context, level, unit, row));
        var d = ChangeShown.EffectSize(change) is { } es ? $" (g\u00A0=\u00A0{n.Decimal(es)})" : "";
        var template = !change.IsSignificant ? t.NoClearChange : difference > 0 ? t.Rose : t.Fell;
        return context.Format(template, name, from, to, d);
    }

    /// <summary>Classifies a change for counts: 1 rose, −1 fell, 0 no clear change, null not computed.</summary>
    public static int? Direction(ReportContext context, ScaleView scale, ChangeEstimate? change) =>
        NotInvariant(context, scale) is null ? Direction(change) : null;

    /// <summary>Classifies a change for counts, without the gate.</summary>
    private static int? Direction(ChangeEstimate? change) =>
        change is not { Suppressed: false, Difference: { } d } c ? null : !c.IsSignificant ? 0 : d > 0 ? 1 : -1;

    private static string Reason(ReportContext context, AggregateLevel level, string unit, int row)
    {
        var scale = context.Scales[row];
        var first = context.Index.Aggregate(level, unit, context.Index.Baseline, scale.Position);
        var last = context.Index.Aggregate(level, unit, context.Index.Latest, scale.Position);
        var missing = first?.Estimate is null ? first : last;
        return $"{(first?.Estimate is null ? context.WaveLabels[context.Index.Baseline] : context.WaveLabels[context.Index.Latest])}: {context.ReasonFor(missing)}";
    }
}
