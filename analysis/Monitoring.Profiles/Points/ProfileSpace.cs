using System.Globalization;
using System.Runtime.CompilerServices;
using Monitoring.Core.Instruments;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;

namespace Monitoring.Profiles.Points;

/// <summary>
/// The school-wave profile vectors: each taking part school's means on the leaf scales, standardized
/// against the baseline wave's school means. Builds the reference and the list of left-out school-waves.
/// </summary>
internal sealed class ProfileSpace
{
    private ProfileSpace(Scale[] scales, WaveId baseline)
    {
        Scales = scales;
        Baseline = baseline;
    }

    /// <summary>The leaf scales: the dimensions, in study order.</summary>
    public Scale[] Scales { get; }

    public WaveId Baseline { get; }

    public int Dimensions => Scales.Length;

    /// <summary>Standardized vectors, row-major: point i is <c>[i * Dimensions, (i + 1) * Dimensions)</c>.</summary>
    public double[] X { get; private set; } = [];

    /// <summary>
    /// The points the choice of k is made on, like <see cref="X"/>: with reliability-adjusted means, the deviations are
    /// drawn in by √λ instead of λ (<see cref="Shrinkage"/>), which gives every school the same variance when there are no
    /// profiles, as the mixture's shared covariance assumes; <see cref="X"/> itself when the means are not adjusted.
    /// </summary>
    public double[] SelectionX { get; private set; } = [];

    /// <summary>Per point, the index of its school in <see cref="Study.Schools"/>.</summary>
    public int[] School { get; private set; } = [];

    /// <summary>Per point, the index of its wave in <see cref="Study.Waves"/>.</summary>
    public int[] Wave { get; private set; } = [];

    public int Count => School.Length;

    public ScaleReference[] Reference { get; private set; } = [];

    public List<LeftOutSchool> LeftOut { get; } = [];

    /// <summary>Why no points could be formed, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// The leaf scales (no other scale's parent) whose instrument every wave administers, so that
    /// every wave has the same dimensions.
    /// </summary>
    public static Scale[] LeafScalesOf(Study study)
    {
        var parents = study.Scales.Where(s => s.Parent is not null).Select(s => s.Parent!.Value).ToHashSet();
        return study.Scales
            .Where(s => !parents.Contains(s.Id) && study.Waves.All(w => w.Instruments.Contains(s.Instrument)))
            .ToArray();
    }

    /// <param name="study">The study.</param>
    /// <param name="means">The school means.</param>
    /// <param name="privacyThreshold">A school-wave takes part only with at least this many valid scores on every leaf scale.</param>
    /// <param name="intraclass">ICC(1) per scale and wave: when given, each mean is reliability-adjusted (<see cref="Shrinkage"/>) and the trajectories' growth is taken out of the later waves (<see cref="GrowthAdjustment"/>) before standardizing.</param>
    /// <exception cref="ArgumentException">When a mean names a school, wave or scale the study does not know, or repeats.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ProfileSpace Build(Study study, IReadOnlyList<SchoolMean> means, int privacyThreshold, IReadOnlyList<IntraclassResult>? intraclass = null)
    {
        var scales = LeafScalesOf(study);
        var space = new ProfileSpace(scales, study.Waves[0].Id);
        if (scales.Length == 0)
        {
            space.Problem = "The study has no leaf scale that every wave administers.";
            return space;
        }

        var schools = study.Schools.Count;
        var waves = study.Waves.Count;
        var d = scales.Length;
        var mean = new double[waves * schools * d];
        var count = new int[waves * schools * d];
        var seen = new bool[waves * schools * d];
        var any = new bool[waves * schools];
        Fill(study, means, scales, mean, count, seen, any);
        // The reference (centre and SD of the baseline) comes from the means as observed, so that a scale whose baseline
        // school means shrink to one value (ICC(1) <= 0) keeps its units instead of being divided by zero.
        var observed = mean;
        var selection = mean;
        if (intraclass is not null)
        {
            mean = (double[])observed.Clone();
            Shrinkage.Apply(study, scales, intraclass, mean, count, 1);
            selection = (double[])observed.Clone();
            Shrinkage.Apply(study, scales, intraclass, selection, count, 0.5);
        }

        var points = new List<int>();
        for (var s = 0; s < schools; s++)
            for (var w = 0; w < waves; w++)
            {
                var cell = w * schools + s;
                if (!any[cell])
                    continue;
                var reason = Reason(scales, cell * d, mean, count, seen, privacyThreshold);
                if (reason is null) points.Add(cell);
                else space.LeftOut.Add(new LeftOutSchool(study.Schools[s].Id, study.Waves[w].Id, reason));
            }

        if (intraclass is not null)
        {
            GrowthAdjustment.Apply(study, points, mean, d);
            GrowthAdjustment.Apply(study, points, selection, d);
        }
        space.School = points.Select(c => c % schools).ToArray();
        space.Wave = points.Select(c => c / schools).ToArray();
        space.Standardize(points, mean, observed, schools);
        if (space.Problem is null) space.SelectionX = ReferenceEquals(selection, mean) ? space.X : space.Scaled(points, selection);
        return space;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill(Study study, IReadOnlyList<SchoolMean> means, Scale[] scales, double[] mean, int[] count, bool[] seen, bool[] any)
    {
        var schoolIndex = new Dictionary<SchoolId, int>(study.Schools.Count);
        for (var i = 0; i < study.Schools.Count; i++) schoolIndex[study.Schools[i].Id] = i;
        var waveIndex = new Dictionary<WaveId, int>();
        for (var i = 0; i < study.Waves.Count; i++) waveIndex[study.Waves[i].Id] = i;
        var scaleIndex = study.Scales.ToDictionary(scale => scale.Id, scale => Array.IndexOf(scales, scale));
        var known = study.Scales.Select(scale => (scale.Id.Value, Array.IndexOf(scales, scale))).ToArray();
        var schools = study.Schools.Count;
        var d = scales.Length;

        // Means usually arrive grouped by school and wave: look those up only when they change.
        SchoolId? lastSchool = null;
        WaveId? lastWave = null;
        int s = 0, w = 0;
        foreach (var m in means)
        {
            if (lastSchool != m.School)
            {
                if (!schoolIndex.TryGetValue(m.School, out s))
                    throw new ArgumentException($"A school mean names school '{m.School}', which the study does not know.", nameof(means));
                lastSchool = m.School;
            }
            if (lastWave != m.Wave)
            {
                if (!waveIndex.TryGetValue(m.Wave, out w))
                    throw new ArgumentException($"A school mean names wave '{m.Wave}', which the study does not know.", nameof(means));
                lastWave = m.Wave;
            }
            var l = IndexByReference(known, m.Scale);
            if (l == -2 && !scaleIndex.TryGetValue(m.Scale, out l))
                throw new ArgumentException($"A school mean names scale '{m.Scale}', which the study does not know.", nameof(means));
            var cell = w * schools + s;
            any[cell] = true;
            if (l < 0) continue;
            var at = cell * d + l;
            if (seen[at])
                throw new ArgumentException($"School '{m.School}' has more than one mean on '{m.Scale}' in wave '{m.Wave}'.", nameof(means));
            seen[at] = true;
            mean[at] = m.Mean;
            count[at] = m.N;
        }
    }

    /// <summary>The leaf index of a scale whose id is the very string of the study's (the usual case), without hashing; −2 when not found that way.</summary>
    private static int IndexByReference((string Id, int Leaf)[] known, ScaleId scale)
    {
        foreach (var (id, leaf) in known)
            if (ReferenceEquals(id, scale.Value)) return leaf;
        return -2;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Reason(Scale[] scales, int offset, double[] mean, int[] count, bool[] seen, int threshold)
    {
        var complete = true;
        for (var l = 0; l < scales.Length && complete; l++)
            complete = seen[offset + l] && count[offset + l] >= threshold && double.IsFinite(mean[offset + l]);
        if (complete) return null;

        var missing = new List<string>();
        var below = new List<string>();
        for (var l = 0; l < scales.Length; l++)
        {
            var at = offset + l;
            var name = $"'{scales[l].Id}'";
            if (!seen[at] || (count[at] >= threshold && !double.IsFinite(mean[at]))) missing.Add(name);
            else if (count[at] < threshold) below.Add(below.Count == 0 ? $"{Plural(count[at])} on {name}" : $"{count[at]} on {name}");
        }
        var parts = new List<string>(2);
        if (below.Count > 0)
            parts.Add($"{Join(below)}, below the privacy threshold of {threshold.ToString(CultureInfo.InvariantCulture)}");
        if (missing.Count > 0)
            parts.Add($"no mean on {Join(missing)}");
        return string.Join("; ", parts);
    }

    private static string Plural(int n) => n == 1 ? "1 valid score" : $"{n.ToString(CultureInfo.InvariantCulture)} valid scores";

    private static string Join(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Standardize(List<int> cells, double[] mean, double[] observed, int schools)
    {
        var d = Dimensions;
        var baseline = cells.Where(c => c / schools == 0).ToArray();
        if (baseline.Length < 2)
        {
            Problem = $"Fewer than 2 schools take part in the baseline wave '{Baseline}', so there is no reference to standardize against.";
            return;
        }

        Reference = new ScaleReference[d];
        for (var l = 0; l < d; l++)
        {
            double sum = 0;
            foreach (var c in baseline) sum += observed[c * d + l];
            var m = sum / baseline.Length;
            double ss = 0;
            foreach (var c in baseline) ss += (observed[c * d + l] - m) * (observed[c * d + l] - m);
            var sd = Math.Sqrt(ss / (baseline.Length - 1));
            if (!(sd > 0))
            {
                Problem = $"The baseline school means on '{Scales[l].Id}' do not vary, so they cannot be standardized.";
                Reference = [];
                return;
            }
            Reference[l] = new ScaleReference(Scales[l].Id, m, sd, baseline.Length);
        }

        X = Scaled(cells, mean);
    }

    private double[] Scaled(List<int> cells, double[] mean)
    {
        var d = Dimensions;
        var x = new double[cells.Count * d];
        for (var i = 0; i < cells.Count; i++)
            for (var l = 0; l < d; l++)
                x[i * d + l] = (mean[cells[i] * d + l] - Reference[l].Mean) / Reference[l].StandardDeviation;
        return x;
    }
}
