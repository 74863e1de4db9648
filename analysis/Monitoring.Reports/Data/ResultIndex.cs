using System.Collections.Frozen;
using Monitoring.Core.Instruments;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;

namespace Monitoring.Reports.Data;

/// <summary>
/// The batch results indexed for the reports: aggregates by level, unit, wave and scale; the baseline →
/// latest change per unit and scale; response rates per school and wave; reliability per scale and wave.
/// Scale and wave positions are those of <see cref="Study.Scales"/> and <see cref="Study.Waves"/>.
/// </summary>
internal sealed class ResultIndex
{
    private readonly FrozenDictionary<ScaleId, int> _scalePosition;
    private readonly FrozenDictionary<WaveId, int> _wavePosition;
    private readonly Dictionary<string, Aggregate?[]>[] _aggregates;
    private readonly Dictionary<string, ChangeEstimate?[]>[] _changes;
    private readonly FrozenDictionary<SchoolId, ResponseRate?[]> _rates;
    private readonly ScaleReliability?[] _reliability;
    private readonly IntraclassResult?[] _intraclass;

    public ResultIndex(BatchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Results = results;
        Study = results.Study;
        ScaleCount = Study.Scales.Count;
        WaveCount = Study.Waves.Count;
        _scalePosition = Study.Scales.Select((s, i) => (s.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i);
        _wavePosition = Study.Waves.Select((w, i) => (w.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i);
        Baseline = 0;
        Latest = WaveCount - 1;

        var levels = Enum.GetValues<AggregateLevel>().Length;
        _aggregates = new Dictionary<string, Aggregate?[]>[levels];
        _changes = new Dictionary<string, ChangeEstimate?[]>[levels];
        for (var l = 0; l < levels; l++)
        {
            _aggregates[l] = new Dictionary<string, Aggregate?[]>(StringComparer.Ordinal);
            _changes[l] = new Dictionary<string, ChangeEstimate?[]>(StringComparer.Ordinal);
        }

        Aggregate?[]? cells = null;
        string? lastUnit = null;
        var lastLevel = (AggregateLevel)(-1);
        foreach (var aggregate in results.Aggregates)
        {
            if (aggregate.Level != lastLevel || !string.Equals(aggregate.Unit.Value, lastUnit, StringComparison.Ordinal))
            {
                var byUnit = _aggregates[(int)aggregate.Level];
                if (!byUnit.TryGetValue(aggregate.Unit.Value, out cells))
                    byUnit[aggregate.Unit.Value] = cells = new Aggregate?[WaveCount * ScaleCount];
                lastLevel = aggregate.Level;
                lastUnit = aggregate.Unit.Value;
            }
            if (_wavePosition.TryGetValue(aggregate.Wave, out var w) && _scalePosition.TryGetValue(aggregate.Scale, out var s))
                cells![w * ScaleCount + s] = aggregate;
        }

        if (WaveCount > 1)
        {
            var from = Study.Waves[Baseline].Id;
            var to = Study.Waves[Latest].Id;
            foreach (var change in results.Changes)
            {
                if (change.From != from || change.To != to || !_scalePosition.TryGetValue(change.Scale, out var s)) continue;
                var byUnit = _changes[(int)change.Level];
                if (!byUnit.TryGetValue(change.Unit.Value, out var row))
                    byUnit[change.Unit.Value] = row = new ChangeEstimate?[ScaleCount];
                row[s] = change;
            }
        }

        var rates = new Dictionary<SchoolId, ResponseRate?[]>();
        foreach (var rate in results.ResponseRates)
        {
            if (!_wavePosition.TryGetValue(rate.Wave, out var w)) continue;
            if (!rates.TryGetValue(rate.School, out var row))
                rates[rate.School] = row = new ResponseRate?[WaveCount];
            row[w] = rate;
        }
        _rates = rates.ToFrozenDictionary();

        _reliability = new ScaleReliability?[WaveCount * ScaleCount];
        foreach (var r in results.Reliability)
            if (_wavePosition.TryGetValue(r.Wave, out var w) && _scalePosition.TryGetValue(r.Scale, out var s))
                _reliability[w * ScaleCount + s] = r;
        _intraclass = new IntraclassResult?[WaveCount * ScaleCount];
        foreach (var r in results.Intraclass)
            if (_wavePosition.TryGetValue(r.Wave, out var w) && _scalePosition.TryGetValue(r.Scale, out var s))
                _intraclass[w * ScaleCount + s] = r;
    }

    public BatchResults Results { get; }

    public Study Study { get; }

    public int ScaleCount { get; }

    public int WaveCount { get; }

    /// <summary>The position of the baseline wave (the first).</summary>
    public int Baseline { get; }

    /// <summary>The position of the latest wave.</summary>
    public int Latest { get; }

    public int PositionOf(ScaleId scale) => _scalePosition[scale];

    public int PositionOf(WaveId wave) => _wavePosition[wave];

    public bool HasWave(WaveId wave) => _wavePosition.ContainsKey(wave);

    /// <summary>The aggregate of a unit, or null when the results hold none.</summary>
    public Aggregate? Aggregate(AggregateLevel level, string unit, int wave, int scale) =>
        _aggregates[(int)level].TryGetValue(unit, out var cells) ? cells[wave * ScaleCount + scale] : null;

    /// <summary>The baseline → latest change of a unit on a scale, or null.</summary>
    public ChangeEstimate? Change(AggregateLevel level, string unit, int scale) =>
        _changes[(int)level].TryGetValue(unit, out var row) ? row[scale] : null;

    /// <summary>A school's response rate in a wave, or null.</summary>
    public ResponseRate? Rate(SchoolId school, int wave) =>
        _rates.TryGetValue(school, out var row) ? row[wave] : null;

    public ScaleReliability? Reliability(int wave, int scale) => _reliability[wave * ScaleCount + scale];

    public IntraclassResult? Intraclass(int wave, int scale) => _intraclass[wave * ScaleCount + scale];

    /// <summary>The unit id of the whole study's aggregates.</summary>
    public string AllUnit => Study.Id.Value;
}
