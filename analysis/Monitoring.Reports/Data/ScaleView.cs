using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Reports.Data;

/// <summary>
/// A scale as the reports show it: its position in <see cref="Study.Scales"/>, its parent, and the range
/// of its scores from its items' response format (a prorated sum multiplies the range by the item count).
/// </summary>
/// <param name="Scale">The scale.</param>
/// <param name="Position">Its position in <see cref="Study.Scales"/> and in the result index.</param>
/// <param name="Parent">The scale it is a subscale of, or null.</param>
/// <param name="Min">The lowest possible score.</param>
/// <param name="Max">The highest possible score.</param>
/// <param name="MinLabel">The label of the lowest answer when every item shares one format, else null.</param>
/// <param name="MaxLabel">The label of the highest answer, likewise.</param>
internal sealed record ScaleView(Scale Scale, int Position, Scale? Parent, double Min, double Max, LocalizedText? MinLabel, LocalizedText? MaxLabel)
{
    /// <summary>Every scale, each top-level scale followed by its subscales.</summary>
    public static IReadOnlyList<ScaleView> InReportOrder(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var views = study.Scales.Select((s, i) => Create(study, s, i)).ToList();
        var ordered = new List<ScaleView>(views.Count);
        foreach (var view in views.Where(v => v.Parent is null))
        {
            ordered.Add(view);
            ordered.AddRange(views.Where(v => v.Parent?.Id == view.Scale.Id));
        }
        ordered.AddRange(views.Where(v => !ordered.Contains(v)));
        return ordered;
    }

    private static ScaleView Create(Study study, Scale scale, int position)
    {
        var formats = scale.Items.Select(i => study.FindItem(i)?.Format).OfType<ResponseFormat>().Distinct().ToList();
        double min = formats.Count > 0 ? formats.Min(f => f.Min) : 0;
        double max = formats.Count > 0 ? formats.Max(f => f.Max) : 1;
        if (scale.Scoring == ScoringMethod.Sum)
        {
            min *= scale.Items.Count;
            max *= scale.Items.Count;
        }
        LocalizedText? minLabel = null, maxLabel = null;
        if (formats.Count == 1 && scale.Scoring == ScoringMethod.Mean)
        {
            minLabel = formats[0].Labels.FirstOrDefault(l => l.Value == formats[0].Min)?.Text;
            maxLabel = formats[0].Labels.FirstOrDefault(l => l.Value == formats[0].Max)?.Text;
        }
        var parent = scale.Parent is { } p ? study.FindScale(p) : null;
        return new ScaleView(scale, position, parent, min, max, minLabel, maxLabel);
    }

    /// <summary>Whether <paramref name="value"/> lies in the scale's range, so that it may be drawn.</summary>
    public double Clamp(double value) => Math.Clamp(value, Min, Max);
}
