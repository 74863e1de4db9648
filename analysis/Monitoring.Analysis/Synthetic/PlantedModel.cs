using Monitoring.Core.Instruments;
using Monitoring.Core.Randomness;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Synthetic;

/// <summary>
/// The structure the generator plants, in person-SD units on each leaf scale (a scale without
/// subscales): school profiles, trajectory growth per wave, role differences. It is written down
/// next to the data, so tests and researchers can check that the analysis finds it.
/// </summary>
internal sealed class PlantedModel
{
    public const double ProfileShift = 0.9;

    /// <param name="study">The study.</param>
    /// <param name="profiles">Whether to plant school profiles; without, every school is in the one profile "none" (no shift).</param>
    public PlantedModel(Study study, bool profiles = true)
    {
        Study = study;
        LeafScales = study.Scales.Where(s => !study.Scales.Any(c => c.Parent == s.Id)).ToArray();
        var instrumentIndex = study.Instruments.Select((i, n) => (i.Id, n)).ToDictionary(p => p.Id, p => p.n);
        LeafInstrument = LeafScales.Select(s => instrumentIndex[s.Instrument]).ToArray();
        ItemLeaf = study.Items.Select(item => Array.FindIndex(LeafScales, s => s.Items.Contains(item.Id))).ToArray();
        ItemInstrument = study.Items.Select(item => instrumentIndex[item.Instrument]).ToArray();

        // Profile 0 is the reference; 1 is "thriving"; then one profile per instrument (up to two)
        // that is low on that instrument's scales and slightly high elsewhere.
        var plantProfiles = profiles;
        var planted = new List<(string Name, double[] Shift)>
        {
            ("reference", new double[LeafScales.Length]),
            ("high on every scale", LeafInstrument.Select(_ => 0.7).ToArray()),
        };
        for (var i = 0; i < Math.Min(2, study.Instruments.Count); i++)
        {
            var low = i;
            planted.Add(($"low {study.Instruments[low].Id}", LeafInstrument.Select(n => n == low ? -ProfileShift : 0.2).ToArray()));
        }
        ProfileNames = planted.Select(p => p.Name).ToArray();
        ProfileShifts = planted.Select(p => p.Shift).ToArray();
        if (!plantProfiles)
        {
            ProfileNames = ["none"];
            ProfileShifts = [new double[LeafScales.Length]];
        }

        // Trajectories cycle through three growth patterns: improving, flat, mixed.
        Growth = study.Trajectories.Select((_, t) => LeafInstrument.Select(n => (t % 3) switch
        {
            0 => 0.25,
            1 => 0.0,
            _ => n == 1 ? 0.3 : n == 0 ? -0.15 : 0.0,
        }).ToArray()).ToArray();

        // Leaders see more support and participation; support staff less.
        RoleShift = study.Roles.Select((_, r) => LeafInstrument.Select(n => (r, n) switch
        {
            (0, 1) => 0.4,
            (0, _) => 0.2,
            (1, 1) => 0.2,
            (3, 1) => -0.25,
            _ => 0.0,
        }).ToArray()).ToArray();
        double[] weights = [0.05, 0.10, 0.67, 0.18];
        var roleWeights = study.Roles.Select((_, r) => r < weights.Length ? weights[r] : 0.1).ToArray();
        var total = roleWeights.Sum();
        RoleCumulative = roleWeights.Select((w, r) => roleWeights.Take(r + 1).Sum() / total).ToArray();
    }

    public Study Study { get; }

    public Scale[] LeafScales { get; }

    public int[] LeafInstrument { get; }

    /// <summary>Per study item: the index of its leaf scale, or −1.</summary>
    public int[] ItemLeaf { get; }

    public int[] ItemInstrument { get; }

    public string[] ProfileNames { get; }

    /// <summary>[profile][leaf]: the school-level shift of each profile.</summary>
    public double[][] ProfileShifts { get; }

    /// <summary>[trajectory][leaf]: growth per wave after the baseline.</summary>
    public double[][] Growth { get; }

    /// <summary>[role][leaf].</summary>
    public double[][] RoleShift { get; }

    public double[] RoleCumulative { get; }

    /// <summary>The planted profile of school number <paramref name="school"/> at each wave: most keep theirs, some move.</summary>
    public int[] ProfilesOf(int seed, int school)
    {
        var rng = new SplitMix64(SplitMix64.Seed(seed, 11, school));
        var profiles = new int[Study.Waves.Count];
        if (ProfileNames.Length == 1) return profiles;
        profiles[0] = rng.Next(ProfileNames.Length);
        for (var w = 1; w < profiles.Length; w++)
            profiles[w] = rng.Chance(0.1) ? (profiles[w - 1] + 1 + rng.Next(ProfileNames.Length - 1)) % ProfileNames.Length : profiles[w - 1];
        return profiles;
    }
}
