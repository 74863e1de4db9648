using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Profiles.Naming;

/// <summary>
/// Names a profile from its centroid: the strongest high and low deviations (|z| ≥ 0.5), at most two
/// of each, as "hoog op A en B, laag op C" / "high on A and B, low on C"; without such a deviation, "below (above)
/// average on every scale" when every value lies on one side, else "average profile". Subscales of one parent that
/// all deviate the same way are named by their parent. "Hoog"/"laag op" needs no adjective inflection,
/// which would depend on the grammatical gender of the scale name, which the study does not record.
/// </summary>
internal sealed class ProfileNamer
{
    /// <summary>The smallest |z| that counts as a deviation.</summary>
    public const double Deviation = 0.5;

    /// <summary>The smallest mean |z| of a centroid that is below (or above) 0 on every scale and is named so, rather than "average".</summary>
    public const double Slight = 0.2;

    private const int TermsPerDirection = 2;
    private readonly Scale[] _scales;
    private readonly (Scale Parent, int[] Members)[] _groups;

    public ProfileNamer(Study study, Scale[] scales)
    {
        _scales = scales;
        _groups = scales
            .Select((s, l) => (s, l))
            .Where(p => p.s.Parent is not null && study.FindScale(p.s.Parent.Value) is not null)
            .GroupBy(p => p.s.Parent!.Value)
            .Where(g => g.Count() >= 2)
            .Select(g => (study.FindScale(g.Key)!, g.Select(p => p.l).ToArray()))
            .ToArray();
    }

    /// <summary>The name of a centroid with standardized values <paramref name="z"/> (in the order of the scales).</summary>
    public LocalizedText Name(ReadOnlySpan<double> z)
    {
        var direction = new int[z.Length];
        for (var l = 0; l < z.Length; l++) direction[l] = z[l] >= Deviation ? 1 : z[l] <= -Deviation ? -1 : 0;
        if (direction.All(v => v == 1)) return new LocalizedText("hoog op alle schalen", "high on all scales");
        if (direction.All(v => v == -1)) return new LocalizedText("laag op alle schalen", "low on all scales");

        var terms = new List<(Scale Scale, int Direction, double Strength)>();
        var grouped = new bool[z.Length];
        foreach (var (parent, members) in _groups)
        {
            var way = direction[members[0]];
            if (way == 0 || members.Any(l => direction[l] != way)) continue;
            double strength = 0;
            foreach (var l in members) strength += Math.Abs(z[l]);
            terms.Add((parent, way, strength / members.Length));
            foreach (var l in members) grouped[l] = true;
        }
        for (var l = 0; l < z.Length; l++)
            if (direction[l] != 0 && !grouped[l]) terms.Add((_scales[l], direction[l], Math.Abs(z[l])));
        if (terms.Count == 0) return Small(z);

        var high = Strongest(terms, 1);
        var low = Strongest(terms, -1);
        return new LocalizedText(Phrase(high, low, "nl", "hoog op", "laag op", "en"), Phrase(high, low, "en", "high on", "low on", "and"));
    }

    /// <summary>
    /// A centroid without a deviation of |z| ≥ 0.5: below (above) average on every scale when every value is below (above)
    /// 0 and they average at least <see cref="Slight"/> away from it; otherwise the average profile.
    /// </summary>
    private static LocalizedText Small(ReadOnlySpan<double> z)
    {
        bool below = true, above = true;
        double sum = 0;
        foreach (var v in z)
        {
            below &= v < 0;
            above &= v > 0;
            sum += v;
        }
        var mean = sum / z.Length;
        if (below && mean <= -Slight) return new LocalizedText("onder het gemiddelde op alle schalen", "below average on every scale");
        if (above && mean >= Slight) return new LocalizedText("boven het gemiddelde op alle schalen", "above average on every scale");
        return new LocalizedText("gemiddeld profiel", "average profile");
    }

    private static Scale[] Strongest(List<(Scale Scale, int Direction, double Strength)> terms, int direction) =>
        terms.Where(t => t.Direction == direction)
            .OrderByDescending(t => t.Strength)
            .Take(TermsPerDirection)
            .Select(t => t.Scale)
            .ToArray();

    private static string Phrase(Scale[] high, Scale[] low, string language, string highWord, string lowWord, string and)
    {
        var parts = new List<string>(2);
        if (high.Length > 0) parts.Add($"{highWord} {string.Join($" {and} ", high.Select(s => Lower(s.Name.In(language))))}");
        if (low.Length > 0) parts.Add($"{lowWord} {string.Join($" {and} ", low.Select(s => Lower(s.Name.In(language))))}");
        return string.Join(", ", parts);
    }

    /// <summary>The name with its first letter in lower case, unless the first word is an abbreviation (its second letter is upper case too).</summary>
    internal static string Lower(string name) =>
        name.Length == 0 || (name.Length > 1 && char.IsUpper(name[1])) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
