using System.Globalization;
using Monitoring.Core.Studies;
using Monitoring.Tests.Shared;

namespace Monitoring.Batch.Tests.Privacy;

/// <summary>
/// A batch run as two parties see it: what a coordinator holds (the shown cells of aggregates.csv and response_rates.csv,
/// every level, every wave), and the truth the attacker is after (counts and score sums per school, wave and scale, from
/// the researchers' responses.csv). Measure <see cref="Responses"/> is a school's kept responses; the others are scale ids.
/// </summary>
internal sealed class CoordinatorView
{
    public const string Responses = "responses";

    public static readonly string[] Levels = ["school", "network", "trajectory", "all"];

    private readonly Dictionary<(string Level, string Unit), string[]> _children = [];
    private readonly Dictionary<(string Level, string Unit), string[]> _schools = [];

    private CoordinatorView(Study study)
    {
        Study = study;
        foreach (var network in study.Networks) _children[("network", network.Id.Value)] = network.Schools.Select(s => s.Value).ToArray();
        foreach (var trajectory in study.Trajectories)
            _children[("trajectory", trajectory.Id.Value)] = study.Networks.Where(n => n.Trajectory == trajectory.Id).Select(n => n.Id.Value).ToArray();
        _children[("all", study.Id.Value)] = study.Trajectories.Select(t => t.Id.Value).ToArray();
    }

    public Study Study { get; }

    /// <summary>(level, unit, wave, measure) → count and score sum of every shown cell (sum 0 for responses).</summary>
    public Dictionary<(string Level, string Unit, string Wave, string Measure), (int N, double Sum)> Shown { get; } = [];

    /// <summary>(school, wave, measure) → the true count and score sum.</summary>
    public Dictionary<(string School, string Wave, string Measure), (int N, double Sum)> Truth { get; } = [];

    public IEnumerable<string> Measures => Study.Scales.Select(s => s.Id.Value).Prepend(Responses);

    /// <summary>The pairs of waves of change.csv, as "from>to": the "wave" of a linked-pairs measure.</summary>
    public List<string> WavePairs { get; } = [];

    /// <summary>The linked-pairs measure of a scale: count of pairs (same code, same school, a score in both waves) and the sum of their differences.</summary>
    public static string Pairs(string scale) => "pairs:" + scale;

    public string[] Units(string level) => level switch
    {
        "school" => Study.Schools.Select(s => s.Id.Value).ToArray(),
        "network" => Study.Networks.Select(n => n.Id.Value).ToArray(),
        "trajectory" => Study.Trajectories.Select(t => t.Id.Value).ToArray(),
        _ => [Study.Id.Value],
    };

    /// <summary>The children of a unit at the level below.</summary>
    public IReadOnlyList<string> Children(string level, string unit) => level == "school" ? [] : _children[(level, unit)];

    /// <summary>The schools under a unit.</summary>
    public IReadOnlyList<string> SchoolsUnder(string level, string unit)
    {
        if (level == "school") return [unit];
        if (!_schools.TryGetValue((level, unit), out var schools))
            _schools[(level, unit)] = schools = Children(level, unit).SelectMany(c => SchoolsUnder(Below(level), c)).ToArray();
        return schools;
    }

    public static string Below(string level) => Levels[Array.IndexOf(Levels, level) - 1];

    /// <summary>The true count and sum of any unit (summed over its schools).</summary>
    public (int N, double Sum) TrueValue(string level, string unit, string wave, string measure)
    {
        int n = 0;
        double sum = 0;
        foreach (var school in SchoolsUnder(level, unit))
            if (Truth.TryGetValue((school, wave, measure), out var t))
            {
                n += t.N;
                sum += t.Sum;
            }
        return (n, sum);
    }

    public bool IsShown(string level, string unit, string wave, string measure) => Shown.ContainsKey((level, unit, wave, measure));

    public static CoordinatorView Read(Study study, string datasets)
    {
        var view = new CoordinatorView(study);
        var aggregates = CsvTable.Read(Path.Combine(datasets, "aggregates.csv"));
        int level = aggregates.Column("level"), unit = aggregates.Column("unit"), wave = aggregates.Column("wave"), scale = aggregates.Column("scale"),
            n = aggregates.Column("n"), mean = aggregates.Column("mean"), suppressed = aggregates.Column("suppressed");
        foreach (var row in aggregates.Rows)
        {
            if (row[suppressed] == "true") continue;
            var count = int.Parse(row[n], CultureInfo.InvariantCulture);
            view.Shown[(row[level], row[unit], row[wave], row[scale])] = (count, count * double.Parse(row[mean], CultureInfo.InvariantCulture));
        }
        var rates = CsvTable.Read(Path.Combine(datasets, "response_rates.csv"));
        foreach (var row in rates.Rows)
            if (row[rates.Column("suppressed")] == "false")
                view.Shown[("school", row[rates.Column("school")], row[rates.Column("wave")], Responses)] = (int.Parse(row[rates.Column("responses")], CultureInfo.InvariantCulture), 0);

        var change = CsvTable.Read(Path.Combine(datasets, "change.csv"));
        foreach (var row in change.Rows)
        {
            var pair = row[change.Column("from_wave")] + ">" + row[change.Column("to_wave")];
            if (!view.WavePairs.Contains(pair)) view.WavePairs.Add(pair);
            var pairs = row[change.Column("n_pairs")];
            if (pairs.Length == 0) continue;
            var count = int.Parse(pairs, CultureInfo.InvariantCulture);
            var difference = row[change.Column("paired_difference")];
            view.Shown[(row[change.Column("level")], row[change.Column("unit")], pair, Pairs(row[change.Column("scale")]))] =
                (count, difference.Length == 0 ? double.NaN : count * double.Parse(difference, CultureInfo.InvariantCulture));
        }

        var responses = CsvTable.Read(Path.Combine(datasets, "responses.csv"));
        int school = responses.Column("school"), rwave = responses.Column("wave");
        var scales = study.Scales.Select(s => (s.Id.Value, responses.Column(s.Id.Value))).ToArray();
        foreach (var row in responses.Rows)
        {
            Add(view.Truth, (row[school], row[rwave], Responses), 0);
            foreach (var (id, column) in scales)
                if (row[column].Length > 0) Add(view.Truth, (row[school], row[rwave], id), double.Parse(row[column], CultureInfo.InvariantCulture));
        }
        var code = responses.Column("linkage_code");
        var byPerson = new Dictionary<(string School, string Code, string Wave), string[]>();
        foreach (var row in responses.Rows)
            if (row[code].Length > 0) byPerson[(row[school], row[code], row[rwave])] = row;
        foreach (var pair in view.WavePairs)
        {
            var (from, to) = (pair.Split('>')[0], pair.Split('>')[1]);
            foreach (var ((person, linkage, at), earlier) in byPerson)
            {
                if (at != from || !byPerson.TryGetValue((person, linkage, to), out var later)) continue;
                foreach (var (id, column) in scales)
                    if (earlier[column].Length > 0 && later[column].Length > 0)
                        Add(view.Truth, (person, pair, Pairs(id)),
                            double.Parse(later[column], CultureInfo.InvariantCulture) - double.Parse(earlier[column], CultureInfo.InvariantCulture));
            }
        }
        return view;
    }

    private static void Add(Dictionary<(string, string, string), (int N, double Sum)> truth, (string, string, string) key, double score)
    {
        var t = truth.GetValueOrDefault(key);
        truth[key] = (t.N + 1, t.Sum + score);
    }
}
