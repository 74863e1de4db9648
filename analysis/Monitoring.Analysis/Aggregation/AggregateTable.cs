using Monitoring.Analysis.Scoring;
using Monitoring.Analysis.Statistics;
using Monitoring.Core.Instruments;
using Monitoring.Core.Privacy;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Aggregation;

/// <summary>
/// The moments of every scale score per unit (school, network, trajectory, all) and wave, from one
/// pass over the kept responses per scale (schools) and exact pooling upwards, with the one disclosure decision
/// per unit and wave (<see cref="UnitDisclosure"/>), made on these tables, not on responses. Internal: results leave as <see cref="Aggregate"/> and <see cref="SchoolMean"/> records.
/// </summary>
internal sealed class AggregateTable
{
    private static readonly AggregateLevel[] Levels = [AggregateLevel.School, AggregateLevel.Network, AggregateLevel.Trajectory, AggregateLevel.All];

    private AggregateTable(Study study, UnitIndex units, Moments[][][] moments, UnitDisclosure disclosure)
    {
        Study = study;
        Units = units;
        _moments = moments;
        Decisions = disclosure;
    }

    private readonly Moments[][][] _moments; // [level][scale][wave * units + unit]

    public Study Study { get; }

    public UnitIndex Units { get; }

    public int UnitCount(AggregateLevel level) => Units.Ids[level].Length;

    public Moments MomentsOf(AggregateLevel level, int scale, int wave, int unit) => _moments[(int)level][scale][wave * UnitCount(level) + unit];

    /// <summary>The one decision per unit and wave, shared by the aggregates, the changes and the response rates.</summary>
    public UnitDisclosure Decisions { get; }

    /// <summary>
    /// The decision for one cell: its unit-wave's, except that a scale without valid scores in a shown unit-wave has no
    /// statistics (<see cref="Disclosure.BelowThreshold"/>, as before: it discloses nothing but "none").
    /// </summary>
    public Disclosure ReasonOf(AggregateLevel level, int scale, int wave, int unit)
    {
        var decision = Decisions.Of(level, wave, unit);
        return decision == Disclosure.Shown && MomentsOf(level, scale, wave, unit).N == 0 ? Disclosure.BelowThreshold : decision;
    }

    /// <summary>The moments of every cell and the one disclosure decision per unit-wave; <paramref name="submissions"/> as <see cref="SubmissionCounts.Count"/>.</summary>
    public static AggregateTable Compute(ScoredResponses scored, int[] submissions)
    {
        var study = scored.Table.Study;
        var units = new UnitIndex(study);
        var waves = study.Waves.Count;
        var scales = study.Scales.Count;
        var moments = Levels.Select(_ => new Moments[scales][]).ToArray();
        var schoolsOf = scored.Table.Schools;
        var wavesOf = scored.Table.Waves;
        var rows = scored.Rows;
        var schools = study.Schools.Count;

        Parallel.For(0, scales, s =>
        {
            var score = scored.Scores[s];
            var groups = waves * schools;
            var count = new int[groups];
            var sum = new double[groups];
            var group = new int[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                var r = rows[i];
                var g = wavesOf[r] * schools + schoolsOf[r];
                group[i] = g;
                var v = score[r];
                if (float.IsNaN(v)) continue;
                count[g]++;
                sum[g] += v;
            }
            var squares = new double[groups];
            for (var i = 0; i < rows.Length; i++)
            {
                var v = score[rows[i]];
                if (float.IsNaN(v)) continue;
                var g = group[i];
                var d = v - sum[g] / count[g];
                squares[g] += d * d;
            }
            var level = new Moments[groups];
            for (var g = 0; g < groups; g++)
                level[g] = count[g] == 0 ? MomentsMerge.Empty : new Moments(count[g], sum[g] / count[g], squares[g]);
            moments[0][s] = level;
            for (var l = 1; l < Levels.Length; l++)
            {
                var childParents = units.Parents(Levels[l - 1]);
                var size = units.Ids[Levels[l]].Length;
                var childSize = units.Ids[Levels[l - 1]].Length;
                var pooled = new Moments[waves * size];
                Array.Fill(pooled, MomentsMerge.Empty);
                for (var w = 0; w < waves; w++)
                    for (var c = 0; c < childSize; c++)
                    {
                        var target = w * size + childParents[c];
                        pooled[target] = MomentsMerge.Combine(pooled[target], moments[l - 1][s][w * childSize + c]);
                    }
                moments[l][s] = pooled;
            }
        });
        var disclosure = UnitDisclosure.Decide(scored, units, moments, submissions);
        return new AggregateTable(study, units, moments, disclosure);
    }

    /// <summary>Every aggregate, coordinator-safe: statistics withheld where suppressed. Ordered by level, unit, wave, scale.</summary>
    public IReadOnlyList<Aggregate> ToAggregates()
    {
        var level95 = Study.Analysis.ConfidenceLevel;
        var result = new List<Aggregate>();
        foreach (var level in Levels)
        {
            var size = UnitCount(level);
            for (var u = 0; u < size; u++)
                for (var w = 0; w < Study.Waves.Count; w++)
                    for (var s = 0; s < Study.Scales.Count; s++)
                    {
                        var reason = ReasonOf(level, s, w, u);
                        Estimate? estimate = null;
                        if (reason == Disclosure.Shown)
                        {
                            var d = Descriptives.From(MomentsOf(level, s, w, u), level95);
                            estimate = new Estimate(d.N, d.Mean, d.StandardDeviation, d.StandardError, d.Lower, d.Upper);
                        }
                        result.Add(new Aggregate(new UnitId(level, Units.Ids[level][u]), Study.Waves[w].Id, Study.Scales[s].Id, estimate, reason));
                    }
        }
        return result;
    }

    /// <summary>Every school's unsuppressed mean per scale and wave where it has valid scores: the input of profiles.</summary>
    public IReadOnlyList<SchoolMean> ToSchoolMeans()
    {
        var result = new List<SchoolMean>();
        for (var u = 0; u < UnitCount(AggregateLevel.School); u++)
            for (var w = 0; w < Study.Waves.Count; w++)
                for (var s = 0; s < Study.Scales.Count; s++)
                {
                    var m = MomentsOf(AggregateLevel.School, s, w, u);
                    if (m.N > 0) result.Add(new SchoolMean(Study.Schools[u].Id, Study.Waves[w].Id, Study.Scales[s].Id, m.N, m.Mean));
                }
        return result;
    }

    /// <summary>
    /// Change per unit and scale for every pair of waves (baseline to each later wave and each consecutive
    /// pair, which together are all pairs for three waves), suppressed when either wave is: the independent
    /// (Welch) interval, the panel interval over linked and unlinked respondents, and the linked respondents'
    /// paired change (<see cref="PanelPairs"/>).
    /// </summary>
    public IReadOnlyList<ChangeEstimate> ToChanges(ScoredResponses scored)
    {
        var pairs = new List<(int From, int To)>();
        for (var w = 1; w < Study.Waves.Count; w++) pairs.Add((0, w));
        for (var w = 2; w < Study.Waves.Count; w++) pairs.Add((w - 1, w));
        var level95 = Study.Analysis.ConfidenceLevel;
        var threshold = Study.Analysis.PrivacyThreshold;
        var panel = PanelPairs.Of(scored, Units, [.. pairs]);
        var pairsShown = PairDisclosure(panel, pairs, threshold);
        var units = Levels.SelectMany(level => Enumerable.Range(0, UnitCount(level)).Select(u => (level, u))).ToArray();
        var perUnit = Study.Scales.Count * pairs.Count;
        var intervals = new ChangeList.Interval[units.Length * perUnit];
        // Each unit's comparisons are independent; the Welch quantiles dominate, so spread them over the cores.
        Parallel.For(0, units.Length, i =>
        {
            var (level, u) = units[i];
            var at = i * perUnit;
            for (var s = 0; s < Study.Scales.Count; s++)
                for (var q = 0; q < pairs.Count; q++)
                {
                    var (from, to) = pairs[q];
                    if (ReasonOf(level, s, from, u).IsHidden() || ReasonOf(level, s, to, u).IsHidden())
                    {
                        at++;
                        continue;
                    }
                    var a = MomentsOf(level, s, from, u);
                    var b = MomentsOf(level, s, to, u);
                    var c = Change.Welch(a, b, level95);
                    var linked = panel.Of(level, s, q, u);
                    var shown = pairsShown[(int)level][(s * pairs.Count) + q][u];
                    intervals[at++] = new ChangeList.Interval(c.Lower, c.Upper, c.CohensD)
                    {
                        Panel = Change.Overlapping(a, b, linked, level95, c),
                        Paired = shown ? Change.Paired(linked, level95) : null,
                        PairsShown = shown,
                    };
                }
        });
        return new ChangeList(this, units, [.. pairs], intervals);
    }

    /// <summary>
    /// [level][scale × pair + pair][unit]: whether a unit's linked pairs (their count and paired change) may be shown, by the
    /// one disclosure rule on the pair counts, with the unit-waves hidden for their scores already hidden. Without it, a
    /// network's pairs minus its shown schools' pairs would give a hidden school's (or a small one's) paired change.
    /// </summary>
    private bool[][][] PairDisclosure(PanelPairs panel, List<(int From, int To)> pairs, int threshold)
    {
        var parents = Levels.Take(Levels.Length - 1).Select(Units.Parents).ToArray();
        var shown = Levels.Select(_ => new bool[Study.Scales.Count * pairs.Count][]).ToArray();
        for (var s = 0; s < Study.Scales.Count; s++)
            for (var q = 0; q < pairs.Count; q++)
            {
                var (from, to) = pairs[q];
                var counts = new int[Levels.Length][][];
                var hidden = new bool[Levels.Length][];
                for (var l = 0; l < Levels.Length; l++)
                {
                    var size = UnitCount(Levels[l]);
                    var n = new int[size];
                    var h = hidden[l] = new bool[size];
                    for (var u = 0; u < size; u++)
                    {
                        n[u] = panel.Of(Levels[l], s, q, u).N;
                        h[u] = ReasonOf(Levels[l], s, from, u).IsHidden() || ReasonOf(Levels[l], s, to, u).IsHidden();
                    }
                    counts[l] = [n];
                }
                var decided = DisclosureRule.Decide(counts, parents, withheld: null, threshold, hidden);
                for (var l = 0; l < Levels.Length; l++)
                    shown[l][(s * pairs.Count) + q] = Array.ConvertAll(decided[l], d => d == Disclosure.Shown);
            }
        return shown;
    }

    /// <summary>One comparison of <see cref="ToChanges"/> as a record, from the moments and its stored interval.</summary>
    internal ChangeEstimate ChangeAt((AggregateLevel Level, int Unit) unit, (int From, int To) pair, int scale, ChangeList.Interval interval)
    {
        var (level, u) = unit;
        var (from, to) = pair;
        var id = new UnitId(level, Units.Ids[level][u]);
        var scaleId = Study.Scales[scale].Id;
        if (ReasonOf(level, scale, from, u).IsHidden() || ReasonOf(level, scale, to, u).IsHidden())
            return new ChangeEstimate(id, scaleId, Study.Waves[from].Id, Study.Waves[to].Id, 0, 0, null, null, null, null, null, null, true);
        var a = MomentsOf(level, scale, from, u);
        var b = MomentsOf(level, scale, to, u);
        var p = interval.Panel;
        return new ChangeEstimate(id, scaleId, Study.Waves[from].Id, Study.Waves[to].Id, a.N, b.N,
            a.Mean, b.Mean, b.Mean - a.Mean, Finite(interval.Lower), Finite(interval.Upper), Finite(interval.CohensD), false)
        {
            Panel = new PanelChange(p.Pairs, Finite(p.StandardError), Finite(p.DegreesOfFreedom), Finite(p.Lower), Finite(p.Upper), Finite(p.HedgesG))
            {
                PairsShown = interval.PairsShown,
            },
            Linked = interval.Paired is { } paired
                ? new LinkedChange(paired.N, Finite(paired.MeanDifference), Finite(paired.Lower), Finite(paired.Upper), Finite(paired.CohensDz), Finite(paired.CohensDav))
                : new LinkedChange(p.Pairs, null, null, null, null, null),
        };
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
