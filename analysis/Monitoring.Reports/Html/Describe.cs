using Monitoring.Core.Results;
using Monitoring.Reports.Data;

namespace Monitoring.Reports.Html;

/// <summary>Words for what the charts show: scale ranges, series values for alt texts, and the reasons for gaps.</summary>
internal static class Describe
{
    /// <summary>"Scale from 1 (Strongly disagree) to 5 (Strongly agree)."</summary>
    public static string Range(ReportContext context, ScaleView scale)
    {
        var n = context.Numbers;
        return scale.MinLabel is { } low && scale.MaxLabel is { } high
            ? context.Format(context.Texts.RangeWithLabels, n.Tick(scale.Min, 0), low.In(context.Language), n.Tick(scale.Max, 0), high.In(context.Language))
            : context.Format(context.Texts.RangeWithoutLabels, n.Tick(scale.Min, 0), n.Tick(scale.Max, 0));
    }

    /// <summary>"1–5".</summary>
    public static string RangeShort(ReportContext context, ScaleView scale) =>
        $"{context.Numbers.Tick(scale.Min, 0)}–{context.Numbers.Tick(scale.Max, 0)}";

    /// <summary>"T0 3,52 [3,31; 3,73], T1 not shown (fewer than 5 responses), …": only published values.</summary>
    public static string Series(ReportContext context, AggregateLevel level, string unit, ScaleView scale)
    {
        var n = context.Numbers;
        var parts = new string[context.Index.WaveCount];
        for (var w = 0; w < parts.Length; w++)
        {
            var aggregate = context.Index.Aggregate(level, unit, w, scale.Position);
            parts[w] = aggregate?.Estimate is { } e
                ? $"{context.WaveLabels[w]} {n.Decimal(e.Mean)}" + (double.IsFinite(e.Lower) && double.IsFinite(e.Upper) ? " " + n.Interval(e.Lower, e.Upper) : "")
                : $"{context.WaveLabels[w]} {context.Texts.NotShown.ToLowerInvariant()} ({context.ReasonFor(aggregate)})";
        }
        return string.Join(", ", parts);
    }

    /// <summary>"T1: fewer than 5 responses" for each wave without a value; empty when none.</summary>
    public static string GapList(ReportContext context, AggregateLevel level, string unit, ScaleView scale)
    {
        var gaps = new List<string>();
        for (var w = 0; w < context.Index.WaveCount; w++)
        {
            var aggregate = context.Index.Aggregate(level, unit, w, scale.Position);
            if (aggregate?.Estimate is null) gaps.Add($"{context.WaveLabels[w]}: {context.ReasonFor(aggregate)}");
        }
        return string.Join("; ", gaps);
    }

    /// <summary>A note under a chart listing the waves it cannot show, and why.</summary>
    public static void Gaps(HtmlWriter html, ReportContext context, AggregateLevel level, string unit, ScaleView scale)
    {
        var gaps = GapList(context, level, unit, scale);
        if (gaps.Length > 0) html.Element("p", $"{context.Texts.NotShown}: {gaps}.", "note");
    }
}
