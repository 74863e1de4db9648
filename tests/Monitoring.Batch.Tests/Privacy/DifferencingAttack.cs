using System.Globalization;
using Monitoring.Core.Studies;

namespace Monitoring.Batch.Tests.Privacy;

/// <summary>
/// Tries, for every hidden cell of a <see cref="CoordinatorView"/>, the differencing attacks of issue 12 and lists what
/// they recover: a hidden count exactly, a hidden mean within 0.1, or a group of hidden schools with fewer than the
/// threshold. The attacker is given more than a coordinator has: it knows which hidden schools have no scores at all.
/// </summary>
internal sealed class DifferencingAttack(CoordinatorView view, int threshold)
{
    private const double MeanTolerance = 0.1;

    private readonly List<string> _findings = [];

    public IReadOnlyList<string> Findings => _findings;

    public DifferencingAttack Run()
    {
        foreach (var wave in view.Study.Waves.Select(w => w.Id.Value))
        {
            foreach (var measure in view.Study.Scales.Select(s => s.Id.Value))
                ParentMinusShownChildren(wave, measure);
            ScaleFamilies(wave);
        }
        // change.csv's linked pairs: a unit's pair count and paired change minus its shown children's.
        foreach (var pair in view.WavePairs)
            foreach (var scale in view.Study.Scales.Select(s => CoordinatorView.Pairs(s.Id.Value)))
                ParentMinusShownChildren(pair, scale);
        return this;
    }

    private (int N, double Sum) Truth(string school, string wave, string measure) => view.Truth.GetValueOrDefault((school, wave, measure));

    /// <summary>
    /// Per shown unit above the schools: its value minus its shown descendants' (down through hidden units) is the total of
    /// the hidden schools in between (the "atom"; for nested tables these totals are all that differencing can learn). A
    /// lone hidden school there, a small total, or a hidden unit that is the whole atom (or has none) is recovered.
    /// The attacker also uses, for a hidden school, its shown count on another scale or its shown responses as a guess
    /// (counts across tables).
    /// </summary>
    private void ParentMinusShownChildren(string wave, string measure)
    {
        var determined = new HashSet<(string Level, string Unit)>();
        for (var l = 1; l < CoordinatorView.Levels.Length; l++)
        {
            var level = CoordinatorView.Levels[l];
            foreach (var unit in view.Units(level))
            {
                if (view.Shown.TryGetValue((level, unit, wave, measure), out var known))
                {
                    var members = new List<string>();
                    var hiddenUnits = new List<(string Level, string Unit)>();
                    var (n, sum) = known;
                    Collect(level, unit, wave, measure, members, hiddenUnits, ref n, ref sum);
                    Atom(level, unit, wave, measure, members, hiddenUnits, n, sum);
                }
                else if (view.TrueValue(level, unit, wave, measure).N > 0 && HiddenNonzeroSchools(level, unit, wave, measure).Count == 0)
                    Finding($"{level} {unit} {wave} {measure}: hidden, but all its schools with scores are shown: its shown children add up to n = {view.TrueValue(level, unit, wave, measure).N}");
            }
        }
    }

    /// <summary>Walks down from a shown unit: subtracts shown children, descends into hidden ones, collects the hidden schools with scores.</summary>
    private void Collect(string level, string unit, string wave, string measure, List<string> members, List<(string, string)> hiddenUnits, ref int n, ref double sum)
    {
        var below = CoordinatorView.Below(level);
        foreach (var child in view.Children(level, unit))
        {
            if (view.Shown.TryGetValue((below, child, wave, measure), out var shown))
            {
                n -= shown.N;
                sum -= shown.Sum;
            }
            else if (below == "school")
            {
                if (Truth(child, wave, measure).N > 0) members.Add(child);
            }
            else
            {
                hiddenUnits.Add((below, child));
                Collect(below, child, wave, measure, members, hiddenUnits, ref n, ref sum);
            }
        }
    }

    private void Atom(string level, string unit, string wave, string measure, List<string> members, List<(string Level, string Unit)> hiddenUnits, int n, double sum)
    {
        var where = $"{level} {unit} {wave} {measure}";
        if (members.Count == 1)
        {
            var school = members[0];
            var truth = Truth(school, wave, measure);
            Finding($"{where}: minus its shown descendants leaves one hidden school, {school}: n = {n} (true {truth.N}), mean {sum / n:F3} (true {truth.Sum / truth.N:F3})");
        }
        else if (n > 0 && n < threshold)
            Finding($"{where}: minus its shown descendants leaves {n} score(s) < {threshold} in {members.Count} hidden schools ({string.Join(", ", members)})");
        else if (members.Count > 1)
            Guess(where, wave, measure, members, n);
        foreach (var (hl, hu) in hiddenUnits)
        {
            var inside = HiddenNonzeroSchools(hl, hu, wave, measure);
            var truth = view.TrueValue(hl, hu, wave, measure);
            if (truth.N > 0 && (inside.Count == 0 || inside.Count == members.Count))
                Finding($"{where}: the hidden {hl} {hu} is determined by the shown cells around it: n = {truth.N}");
        }
    }

    /// <summary>
    /// Counts across tables: a hidden school's count shown elsewhere (its responses, or its n on another scale) taken as its
    /// count here; when every other hidden school of the atom has such a guess, the atom's total minus them is a guess for the
    /// last one, recovered when it is exact.
    /// </summary>
    private void Guess(string where, string wave, string measure, List<string> members, int n)
    {
        var proxies = members.Select(school => view.Measures.Where(m => m != measure)
            .Select(m => view.Shown.TryGetValue(("school", school, wave, m), out var v) ? v.N : (int?)null)
            .FirstOrDefault(v => v is not null)).ToArray();
        for (var i = 0; i < members.Count; i++)
        {
            var others = 0;
            var complete = true;
            for (var j = 0; j < members.Count && complete; j++)
                if (j != i)
                {
                    complete = proxies[j] is not null;
                    others += proxies[j] ?? 0;
                }
            if (complete && Truth(members[i], wave, measure).N == n - others)
                Finding($"{where}: minus its shown descendants and the other hidden schools' counts shown in other tables leaves {members[i]}: n = {n - others} (true)");
        }
    }

    private List<string> HiddenNonzeroSchools(string level, string unit, string wave, string measure)
    {
        var members = new List<string>();
        int n = 0;
        double sum = 0;
        Collect(level, unit, wave, measure, members, [], ref n, ref sum);
        return members;
    }

    /// <summary>
    /// A parent scale's score is the mean of its answered items, so its unit mean is about the item-count-weighted mean of its
    /// subscales' means: a hidden member of a family is estimated from the shown ones at the same unit and wave.
    /// </summary>
    private void ScaleFamilies(string wave)
    {
        var study = view.Study;
        foreach (var parent in study.Scales.Where(p => study.Scales.Any(s => s.Parent == p.Id)))
        {
            var subscales = study.Scales.Where(s => s.Parent == parent.Id).ToArray();
            var family = subscales.Prepend(parent).ToArray();
            foreach (var level in CoordinatorView.Levels)
                foreach (var unit in view.Units(level))
                {
                    var shown = family.Select(s => view.Shown.TryGetValue((level, unit, wave, s.Id.Value), out var v) ? v.Sum / v.N : (double?)null).ToArray();
                    var hidden = Enumerable.Range(0, family.Length).Where(i => shown[i] is null && view.TrueValue(level, unit, wave, family[i].Id.Value).N > 0).ToArray();
                    if (hidden.Length != 1 || Enumerable.Range(0, family.Length).Any(i => i != hidden[0] && shown[i] is null)) continue;
                    var h = hidden[0];
                    double estimate;
                    if (h == 0) estimate = subscales.Select((s, i) => s.Items.Count * shown[i + 1]!.Value).Sum() / parent.Items.Count;
                    else estimate = (parent.Items.Count * shown[0]!.Value - subscales.Select((s, i) => i + 1 == h ? 0 : s.Items.Count * shown[i + 1]!.Value).Sum()) / family[h].Items.Count;
                    var truth = view.TrueValue(level, unit, wave, family[h].Id.Value);
                    var mean = truth.Sum / truth.N;
                    if (Math.Abs(estimate - mean) < MeanTolerance)
                        Finding($"{level} {unit} {wave}: hidden {family[h].Id} (n = {truth.N}) estimated from the rest of its scale family: {estimate.ToString("F2", CultureInfo.InvariantCulture)}, true {mean.ToString("F2", CultureInfo.InvariantCulture)}");
                }
        }
    }

    private void Finding(string text) => _findings.Add(text);
}
