using System.Collections.Frozen;
using Monitoring.Core.Privacy;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;
using Monitoring.Reports.Charts;
using Monitoring.Reports.Data;
using Monitoring.Reports.Html;
using Monitoring.Reports.Profiles;
using Monitoring.Reports.Text;

namespace Monitoring.Reports;

/// <summary>
/// What every page of one run shares: the indexed results, the language, and the frames and sections
/// that are rendered once and repeated on many pages (benchmark frames per trajectory, the quality section).
/// </summary>
internal sealed class ReportContext
{
    private readonly FrozenDictionary<TrajectoryId, int> _trajectoryPosition;
    private readonly Figure[][] _progressFrames;
    private readonly Figure[] _smallFrames;
    private readonly Figure[] _changeFrames;
    private readonly double[] _changeRanges;
    private readonly byte[][] _networkDefs;
    private readonly FrozenDictionary<(SchoolId, int), int> _profiles;

    public ReportContext(ReportInput input, ReportOptions options)
    {
        Index = new ResultIndex(input.Results);
        Study = Index.Study;
        Profiles = input.Profiles;
        Language = options.Language;
        Texts = ReportTexts.For(options.Language);
        Numbers = Numbers.For(options.Language);
        Parallelism = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        Scales = ScaleView.InReportOrder(Study);
        WaveLabels = Study.Waves.Select(w => w.Id.Value).ToArray();
        Threshold = Study.Analysis.PrivacyThreshold;
        _trajectoryPosition = Study.Trajectories.Select((t, i) => (t.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i);

        var trajectories = Study.Trajectories.Count;
        _progressFrames = new Figure[trajectories][];
        for (var t = 0; t < trajectories; t++) _progressFrames[t] = new Figure[Scales.Count];
        _smallFrames = new Figure[Scales.Count];
        _changeFrames = new Figure[trajectories];
        _changeRanges = new double[trajectories];
        for (var t = 0; t < trajectories; t++)
        {
            var unit = Study.Trajectories[t].Id.Value;
            var networks = Study.Networks.Where(n => n.Trajectory == Study.Trajectories[t].Id).Select(n => n.Id.Value);
            _changeRanges[t] = ChangeChart.Range(networks.Append(unit).SelectMany(u => Scales.Select(s => Index.Change(AggregateLevel.Network, u, s.Position)))
                .Concat(Scales.Select(s => Index.Change(AggregateLevel.Trajectory, unit, s.Position))));
        }

        var jobs = new List<Action>();
        for (var t = 0; t < trajectories; t++)
            for (var s = 0; s < Scales.Count; s++)
            {
                var (tt, ss) = (t, s);
                jobs.Add(() => _progressFrames[tt][ss] = RenderProgressFrame(tt, ss));
            }
        for (var s = 0; s < Scales.Count; s++)
        {
            var ss = s;
            jobs.Add(() => _smallFrames[ss] = Figure.Render(SmallMultiplesChart.Frame(Scales[ss], WaveLabels, Numbers), SmallMultiplesChart.Width, SmallMultiplesChart.Height, $"fs{ss}"));
        }
        for (var t = 0; t < trajectories; t++)
        {
            var tt = t;
            jobs.Add(() => _changeFrames[tt] = RenderChangeFrame(tt));
        }
        Figure? rate = null;
        jobs.Add(() => rate = Figure.Render(ResponseRateChart.Frame(WaveLabels, Numbers), ResponseRateChart.Width, ResponseRateChart.Height, "fr"));
        Parallel.Invoke(Parallelism, [.. jobs]);
        RateFrame = rate!;

        Css = HtmlWriter.Chunk(html => html.Raw("<style>\n").Raw(Stylesheet.Css).Raw("</style>\n"));
        _networkDefs = new byte[trajectories][];
        for (var t = 0; t < trajectories; t++)
        {
            var tt = t;
            _networkDefs[t] = HtmlWriter.Chunk(defs =>
            {
                defs.Raw("<svg class=\"defs\" aria-hidden=\"true\" focusable=\"false\"><defs>\n");
                foreach (var frame in _progressFrames[tt]) defs.Raw(frame.Markup);
                foreach (var frame in _smallFrames) defs.Raw(frame.Markup);
                defs.Raw(_changeFrames[tt].Markup).Raw(RateFrame.Markup).Raw("</defs></svg>\n");
            });
        }
        _profiles = (Profiles?.Assignments ?? [])
            .Where(a => Index.HasWave(a.Wave) && IsShown(a.School, Index.PositionOf(a.Wave)))
            .ToFrozenDictionary(a => (a.School, Index.PositionOf(a.Wave)), a => a.Profile);
        Quality = Sections.Quality(this);
        ProfileOverview = Sections.ProfileOverview(this);
    }

    public ResultIndex Index { get; }

    public Study Study { get; }

    public ReportProfiles? Profiles { get; }

    public string Language { get; }

    public ReportTexts Texts { get; }

    public Numbers Numbers { get; }

    public ParallelOptions Parallelism { get; }

    public IReadOnlyList<ScaleView> Scales { get; }

    public IReadOnlyList<string> WaveLabels { get; }

    public int Threshold { get; }

    public Figure RateFrame { get; }

    /// <summary>The inline style sheet, shared by every page.</summary>
    public byte[] Css { get; }

    /// <summary>The quality section, the same on every page.</summary>
    public byte[] Quality { get; }

    /// <summary>The profile centroids (chart, legend, table), or the "not computed" note; the same on every page that shows profiles.</summary>
    public byte[] ProfileOverview { get; }

    public int PositionOf(TrajectoryId trajectory) => _trajectoryPosition[trajectory];

    public Figure ProgressFrame(int trajectory, int scaleView) => _progressFrames[trajectory][scaleView];

    public Figure SmallFrame(int scaleView) => _smallFrames[scaleView];

    public Figure ChangeFrame(int trajectory) => _changeFrames[trajectory];

    public double ChangeRange(int trajectory) => _changeRanges[trajectory];

    /// <summary>The frames that a network page of trajectory <paramref name="trajectory"/> uses, as hidden SVG definitions.</summary>
    public byte[] NetworkDefinitions(int trajectory) => _networkDefs[trajectory];

    /// <summary>
    /// Whether a school's results in a wave are shown to coordinators: the school-wave's one disclosure decision, which its
    /// participation and every scale share. A profile summarises the means, so a hidden school-wave shows none.
    /// </summary>
    private bool IsShown(SchoolId school, int wave) => Index.Rate(school, wave) is { Suppressed: false };

    /// <summary>A school's profile in a wave, or null when it has none or its results are not shown.</summary>
    public int? ProfileOf(SchoolId school, int wave) => _profiles.TryGetValue((school, wave), out var p) ? p : null;

    public string Name(ScaleView scale) => scale.Scale.Name.In(Language);

    public string WaveName(int wave) => Study.Waves[wave].Name.In(Language);

    /// <summary>A unit's estimates on a scale per wave; null where suppressed or missing.</summary>
    public Estimate?[] Values(AggregateLevel level, string unit, ScaleView scale)
    {
        var values = new Estimate?[Index.WaveCount];
        for (var w = 0; w < values.Length; w++) values[w] = Index.Aggregate(level, unit, w, scale.Position)?.Estimate;
        return values;
    }

    /// <summary>Why an aggregate shows no value, in the reader's words.</summary>
    public string ReasonFor(Aggregate? aggregate) => aggregate is null ? Texts.ReasonNoData : ReasonFor(aggregate.Disclosure);

    /// <summary>Why a unit-wave shows no value, in the reader's words.</summary>
    public string ReasonFor(Disclosure disclosure) => disclosure switch
    {
        Disclosure.Complementary => Texts.ReasonComplementary,
        Disclosure.Withheld => Texts.ReasonWithheld,
        Disclosure.BelowThreshold => BelowThreshold,
        _ => Texts.ReasonNoData,
    };

    /// <summary>"fewer than 5 responses" with the study's threshold.</summary>
    public string BelowThreshold => string.Format(Numbers.Culture, Texts.ReasonBelowThreshold, Threshold);

    public string Format(string template, params object?[] args) => string.Format(Numbers.Culture, template, args);

    private Figure RenderProgressFrame(int trajectory, int scaleView)
    {
        var scale = Scales[scaleView];
        var traj = Values(AggregateLevel.Trajectory, Study.Trajectories[trajectory].Id.Value, scale);
        var all = Values(AggregateLevel.All, Index.AllUnit, scale);
        var plot = ProgressChart.Frame(scale, WaveLabels, traj, all, Numbers, Texts);
        return Figure.Render(plot, ProgressChart.Width, ProgressChart.Height, $"fp{trajectory}-{scaleView}");
    }

    private Figure RenderChangeFrame(int trajectory)
    {
        var unit = Study.Trajectories[trajectory].Id.Value;
        var reference = Scales.Select(s => Index.Change(AggregateLevel.Trajectory, unit, s.Position)).ToArray();
        var plot = ChangeChart.Frame(Scales.Select(RowLabel).ToArray(), _changeRanges[trajectory], reference, SeriesStyle.ReferencePoint(OkabeIto.TrajectoryHex), ChangeAxisLabel, Numbers);
        return Figure.Render(plot, ChangeChart.Width, ChangeChart.Height(Scales.Count), $"fc{trajectory}");
    }

    /// <summary>A scale's name as a chart row label: subscales indented with an arrow.</summary>
    public string RowLabel(ScaleView scale) => scale.Parent is null ? Name(scale) : "↳ " + Name(scale);

    public string ChangeAxisLabel => Format(Texts.DifferenceAxis, WaveLabels[Index.Latest], WaveLabels[Index.Baseline]);
}
