using CsvHelper;
using Monitoring.Analysis.Responses;
using Monitoring.Analysis.Synthetic;
using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Tests.Synthetic;

/// <summary>
/// One synthetic data set of 20,000 rows from the sample study (scaled up by
/// <see cref="ResponseGenerator.ForSize"/>), read back with <see cref="RawResponseReader"/>,
/// with the planted profiles and effects the generator wrote next to it. Made once per test class.
/// </summary>
public sealed class GeneratedSample : IAsyncLifetime
{
    public const int Rows = 20_000;
    public const int Seed = 20230526;

    public Study Original { get; private set; } = null!;

    public ResponseGenerator Generator { get; private set; } = null!;

    public Study Study => Generator.Study;

    public byte[] Csv { get; private set; } = [];

    public RawResponses Read { get; private set; } = null!;

    public ResponseTable Table => Read.Table;

    /// <summary>The planted profile name of each school at each wave: [school id][wave id].</summary>
    public Dictionary<string, Dictionary<string, string>> Profiles { get; } = [];

    /// <summary>The planted cumulative growth: [trajectory id][wave id][scale id] in person-SD units.</summary>
    public Dictionary<string, Dictionary<string, Dictionary<string, double>>> Growth { get; } = [];

    public async Task InitializeAsync()
    {
        Original = await SampleStudy.LoadAsync();
        Generator = ResponseGenerator.ForSize(Original, new GeneratorOptions { Responses = Rows, Seed = Seed });
        using (var output = new MemoryStream())
        {
            await Generator.WriteAsync(output);
            Csv = output.ToArray();
        }
        Read = await new RawResponseReader(Study).ReadAsync(new MemoryStream(Csv), "generated");

        using (var profiles = new MemoryStream())
        {
            await Generator.WritePlantedProfilesAsync(profiles);
            foreach (var f in await ReadCsvAsync(profiles.ToArray()))
            {
                Assert.Equal(Study.NetworkOf(new SchoolId(f["school"]))!.Id.Value, f["network"]);
                (Profiles.TryGetValue(f["school"], out var byWave) ? byWave : Profiles[f["school"]] = [])[f["wave"]] = f["profile_name"];
            }
        }
        using (var effects = new MemoryStream())
        {
            await Generator.WritePlantedEffectsAsync(effects);
            foreach (var f in (await ReadCsvAsync(effects.ToArray())).Where(f => f["effect"] == "trajectory_growth"))
            {
                var byWave = Growth.TryGetValue(f["unit"], out var w) ? w : Growth[f["unit"]] = [];
                var byScale = byWave.TryGetValue(f["wave"], out var s) ? s : byWave[f["wave"]] = [];
                byScale[f["scale"]] = double.Parse(f["shift_sd"], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static async Task<List<Dictionary<string, string>>> ReadCsvAsync(byte[] bytes)
    {
        var rows = new List<Dictionary<string, string>>();
        await using var csv = CsvReader.Create(new MemoryStream(bytes), CsvReaderOptions.Default with { Separator = ',' });
        await csv.ReadHeaderAsync();
        var headers = csv.Headers.ToArray();
        while (await csv.ReadAsync())
            rows.Add(headers.Select((h, i) => (h, v: csv.GetString(i))).ToDictionary(p => p.h, p => p.v));
        return rows;
    }

    private readonly Dictionary<(ItemId, bool), double[]> _columns = [];
    private readonly Dictionary<ScaleId, double[]> _scores = [];

    /// <summary>The answers to <paramref name="item"/> by row, reverse-keyed items recoded when <paramref name="recode"/>; NaN when missing.</summary>
    public double[] Column(Item item, bool recode)
    {
        lock (_columns)
        {
            if (_columns.TryGetValue((item.Id, recode), out var cached)) return cached;
            var raw = Table.Answers[Study.Items.ToList().FindIndex(i => i.Id == item.Id)];
            var column = new double[Table.Count];
            for (var r = 0; r < column.Length; r++)
                column[r] = recode && item.IsReverseKeyed && !float.IsNaN(raw[r]) ? item.Format.Reverse(raw[r]) : raw[r];
            return _columns[(item.Id, recode)] = column;
        }
    }

    public double Answer(Item item, int row, bool recode) => Column(item, recode)[row];

    /// <summary>The scale scores by row: the mean of the recoded answered items, or NaN with too few answers.</summary>
    public double[] Scores(Scale scale)
    {
        lock (_scores)
            if (_scores.TryGetValue(scale.Id, out var cached)) return cached;
        var columns = scale.Items.Select(id => Column(Study.FindItem(id)!, recode: true)).ToArray();
        var scores = new double[Table.Count];
        for (var r = 0; r < scores.Length; r++)
        {
            double sum = 0;
            var answered = 0;
            foreach (var column in columns)
                if (!double.IsNaN(column[r])) { sum += column[r]; answered++; }
            scores[r] = answered >= scale.MinAnsweredItems ? sum / answered : double.NaN;
        }
        lock (_scores) _scores[scale.Id] = scores;
        return scores;
    }

    public double Score(Scale scale, int row) => Scores(scale)[row];

    /// <summary>Leaf scales: those without subscales, the level at which the generator plants its effects.</summary>
    public IEnumerable<Scale> LeafScales => Study.Scales.Where(s => !Study.Scales.Any(c => c.Parent == s.Id));

    public static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }

    public static double StandardDeviation(IReadOnlyList<double> x)
    {
        var m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Count - 1));
    }
}
