using System.Globalization;
using CsvHelper;
using Monitoring.Core.Randomness;
using Monitoring.Core.Responses;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Synthetic;

/// <summary>
/// Writes synthetic raw responses (docs/formats.md, "Raw responses") with realistic structure:
/// network, school and person effects, correlated scales, role differences, trajectory growth,
/// planted school profiles, linkage across waves, missingness, careless respondents, duplicates
/// and a few malformed rows. Rows stream out wave by wave and school by school; only per-school
/// state is held, so memory does not grow with the number of rows. The same seed gives the same bytes.
/// </summary>
public sealed class ResponseGenerator
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:sszzz";
    private const int Missing = int.MinValue;
    private readonly Study _study;
    private readonly GeneratorOptions _options;
    private readonly PlantedModel _model;
    private readonly int _nonInvariantItem;
    private readonly double[] _propensity;
    private readonly string[][] _valueText;

    /// <summary>Prepares a generator for <paramref name="study"/>; use <see cref="ForSize"/> to scale the study to the row count first.</summary>
    public ResponseGenerator(Study study, GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Responses);
        _study = study;
        _options = options;
        _model = new PlantedModel(study, options.PlantProfiles);
        _nonInvariantItem = options.NonInvariantItem is { } planted
            ? study.Items.Select((item, j) => (item, j)).FirstOrDefault(p => p.item.Id.Value == planted, (null!, -1)).Item2 is var index and >= 0
                ? index
                : throw new ArgumentException($"The item '{planted}' to shift is not in the study.", nameof(options))
            : -1;
        _propensity = study.Schools.Select((_, s) =>
        {
            var rng = new SplitMix64(SplitMix64.Seed(options.Seed, 3, s));
            var u = rng.NextDouble();
            return u < 0.12 ? 0.08 + 0.15 * rng.NextDouble() : u < 0.2 ? 0.25 + 0.2 * rng.NextDouble() : 0.45 + 0.45 * rng.NextDouble();
        }).ToArray();
        var maxValue = study.Items.Max(i => i.Format.Max);
        var minValue = study.Items.Min(i => i.Format.Min);
        _valueText = [Enumerable.Range(0, maxValue - minValue + 1).Select(v => (v + minValue).ToString(CultureInfo.InvariantCulture)).ToArray()];
        ValueOffset = minValue;
        _straightBounds = study.Instruments.Select(i => (i.Items.Max(it => it.Format.Min), i.Items.Min(it => it.Format.Max))).ToArray();
    }

    private readonly (int Low, int High)[] _straightBounds;

    private int ValueOffset { get; }

    /// <summary>The study the rows belong to (scaled up by <see cref="ForSize"/> when needed).</summary>
    public Study Study => _study;

    /// <summary>How many responses the study's schools give at their natural response rates.</summary>
    public double Capacity => Weights().Sum();

    /// <summary>
    /// A generator for <paramref name="options"/>, over <paramref name="study"/> or, when it cannot hold
    /// that many responses, over a copy with its networks repeated (<see cref="StudyScaler"/>).
    /// </summary>
    public static ResponseGenerator ForSize(Study study, GeneratorOptions options)
    {
        var generator = new ResponseGenerator(study, options);
        var capacity = generator.Capacity;
        if (options.Responses <= capacity) return generator;
        var factor = (int)Math.Ceiling(options.Responses / capacity);
        return new ResponseGenerator(StudyScaler.Replicate(study, factor), options);
    }

    /// <summary>Writes the header and exactly <see cref="GeneratorOptions.Responses"/> rows.</summary>
    public async Task WriteAsync(Stream output, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var column in RawResponseColumns.Ordered) csv.WriteField(column);
        foreach (var item in _study.Items) csv.WriteField(item.Id.Value);
        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);

        var counts = Allocate();
        var items = _study.Items;
        var raw = new int[items.Count];
        var previous = new int[items.Count];
        var roster = new int[16];
        var fields = new string?[items.Count];
        for (var w = 0; w < _study.Waves.Count; w++)
        {
            var wave = _study.Waves[w];
            var inWave = items.Select(i => wave.Instruments.Contains(i.Instrument)).ToArray();
            var waveItemCount = inWave.Count(b => b);
            for (var s = 0; s < _study.Schools.Count; s++)
            {
                var n = counts[w * _study.Schools.Count + s];
                if (n == 0) continue;
                cancellationToken.ThrowIfCancellationRequested();
                var school = _study.Schools[s];
                var staff = StaffOf(school, wave);
                if (roster.Length < staff) roster = new int[staff];
                var rng = new SplitMix64(SplitMix64.Seed(_options.Seed, 5, w, s));
                var schoolEffects = SchoolEffects(s, w);
                for (var p = 0; p < staff; p++) roster[p] = p;
                string? previousId = null;
                string? previousLinkage = null;
                var previousRole = 0;
                DateTimeOffset previousSubmitted = default;
                var taken = 0;
                for (var r = 0; r < n; r++)
                {
                    // Duplicates repeat the previous row of this school: resent as is, or the same person again.
                    if (previousId is not null && rng.Chance(_options.DuplicateShare))
                    {
                        var resend = previousLinkage is null || rng.Chance(0.5);
                        var id = resend ? previousId : NewId(ref rng);
                        var submitted = InBrussels(previousSubmitted.AddSeconds(resend ? 5 + rng.Next(120) : 3600 + rng.Next(86400)));
                        var started = InBrussels(submitted.AddSeconds(-(resend ? 600 : 300 + rng.Next(900))));
                        WriteFixed(csv, id, school.Id.Value, wave.Id.Value, _study.Roles[previousRole].Id.Value, previousLinkage, started, submitted, "nl");
                        if (!resend) Answer(ref rng, s, w, previousRole, -1, schoolEffects, inWave, raw, straightLine: false);
                        WriteAnswers(csv, resend ? previous : raw, inWave);
                        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    var pick = taken + rng.Next(staff - taken);
                    (roster[taken], roster[pick]) = (roster[pick], roster[taken]);
                    var person = roster[taken];
                    taken = Math.Min(taken + 1, staff - 1);
                    var personRng = new SplitMix64(SplitMix64.Seed(_options.Seed, 7, s, person));
                    var linked = personRng.Chance(_options.LinkedShare);
                    var linkage = linked ? Hex(ref personRng, 32) : null;
                    var role = RoleOf(ref personRng);

                    var straight = rng.Chance(_options.StraightLinerShare);
                    var answered = Answer(ref rng, s, w, role, person, schoolEffects, inWave, raw, straight);
                    if (rng.Chance(_options.DropoutShare))
                        answered = DropOut(ref rng, inWave, waveItemCount, raw);
                    var speeder = rng.Chance(_options.SpeederShare);
                    var duration = speeder ? answered * (0.2 + 0.6 * rng.NextDouble()) : 30 + answered * (3 + 7 * rng.NextDouble());
                    var window = (wave.Closes - wave.Opens).TotalSeconds;
                    var at = rng.Chance(_options.LateShare)
                        ? wave.Closes.AddSeconds(3600 + rng.Next(10 * 86400))
                        : wave.Opens.AddSeconds(duration + 60 + rng.NextDouble() * (window - duration - 120));
                    var submittedAt = InBrussels(at);
                    var startedAt = InBrussels(at.AddSeconds(-Math.Round(duration)));
                    var responseId = NewId(ref rng);
                    var language = rng.Chance(0.05) ? "en" : "nl";

                    var schoolText = school.Id.Value;
                    var roleText = _study.Roles[role].Id.Value;
                    Array.Clear(fields);
                    if (rng.Chance(_options.MalformedShare)) Malform(ref rng, inWave, ref schoolText, fields);
                    WriteFixed(csv, responseId, schoolText, wave.Id.Value, roleText, linkage, startedAt, submittedAt, language);
                    WriteAnswers(csv, raw, inWave, fields);
                    await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);

                    (previousId, previousLinkage, previousRole, previousSubmitted) = (responseId, linkage, role, submittedAt);
                    Array.Copy(raw, previous, raw.Length);
                }
            }
        }
    }

    /// <summary>Writes the planted profile of every school at every wave (CSV: school, wave, profile, profile_name).</summary>
    public async Task WritePlantedProfilesAsync(Stream output, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var h in new[] { "school", "network", "wave", "profile", "profile_name" }) csv.WriteField(h);
        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        for (var s = 0; s < _study.Schools.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var profiles = _model.ProfilesOf(_options.Seed, s);
            for (var w = 0; w < _study.Waves.Count; w++)
            {
                csv.WriteField(_study.Schools[s].Id.Value);
                csv.WriteField(_study.NetworkOf(_study.Schools[s].Id)!.Id.Value);
                csv.WriteField(_study.Waves[w].Id.Value);
                csv.WriteField(profiles[w] + 1);
                csv.WriteField(_model.ProfileNames[profiles[w]]);
                await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes the planted shifts: per trajectory, wave and leaf scale the growth; per role and scale the role shift (CSV).</summary>
    public async Task WritePlantedEffectsAsync(Stream output, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var h in new[] { "effect", "unit", "wave", "scale", "shift_sd" }) csv.WriteField(h);
        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        for (var t = 0; t < _study.Trajectories.Count; t++)
            for (var w = 0; w < _study.Waves.Count; w++)
                for (var l = 0; l < _model.LeafScales.Length; l++)
                {
                    WritePlanted(csv, "trajectory_growth", _study.Trajectories[t].Id.Value, _study.Waves[w].Id.Value, _model.LeafScales[l].Id.Value, _model.Growth[t][l] * w);
                    await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                }
        for (var p = 0; p < _model.ProfileNames.Length; p++)
            for (var l = 0; l < _model.LeafScales.Length; l++)
            {
                WritePlanted(csv, "profile", $"{p + 1}: {_model.ProfileNames[p]}", "", _model.LeafScales[l].Id.Value, _model.ProfileShifts[p][l]);
                await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
            }
        for (var r = 0; r < _study.Roles.Count; r++)
            for (var l = 0; l < _model.LeafScales.Length; l++)
            {
                WritePlanted(csv, "role", _study.Roles[r].Id.Value, "", _model.LeafScales[l].Id.Value, _model.RoleShift[r][l]);
                await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
            }
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>RFC 4180 with "\n" line ends, UTF-8 without BOM, invariant culture: the same bytes on every machine.</summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = "\n" };

    private static void WritePlanted(CsvWriter csv, string effect, string unit, string wave, string scale, double shift)
    {
        csv.WriteField(effect);
        csv.WriteField(unit);
        csv.WriteField(wave);
        csv.WriteField(scale);
        csv.WriteField(Math.Round(shift, 4));
    }

    private static int StaffOf(School school, Wave wave) => Math.Max(1, school.StaffAt(wave.Id) ?? 30);

    private double[] Weights()
    {
        var weights = new double[_study.Waves.Count * _study.Schools.Count];
        for (var w = 0; w < _study.Waves.Count; w++)
            for (var s = 0; s < _study.Schools.Count; s++)
                weights[w * _study.Schools.Count + s] = StaffOf(_study.Schools[s], _study.Waves[w]) * _propensity[s];
        return weights;
    }

    /// <summary>Splits the row count over waves and schools in proportion to staff × response propensity (largest remainder).</summary>
    private int[] Allocate()
    {
        var weights = Weights();
        var total = weights.Sum();
        var counts = new int[weights.Length];
        if (_options.Responses == 0 || total == 0) return counts;
        var remainders = new (double Fraction, int Index)[weights.Length];
        var assigned = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = _options.Responses * weights[i] / total;
            counts[i] = (int)exact;
            assigned += counts[i];
            remainders[i] = (exact - counts[i], i);
        }
        Array.Sort(remainders, (a, b) => b.Fraction != a.Fraction ? b.Fraction.CompareTo(a.Fraction) : a.Index.CompareTo(b.Index));
        for (var i = 0; assigned < _options.Responses; i = (i + 1) % remainders.Length, assigned++)
            counts[remainders[i].Index]++;
        return counts;
    }

    /// <summary>Network + school effects and the planted profile and growth, per leaf scale, for one school in one wave.</summary>
    private double[] SchoolEffects(int school, int wave)
    {
        var leaves = _model.LeafScales.Length;
        var network = _study.NetworkOf(_study.Schools[school].Id)!;
        var networkIndex = IndexOf(network);
        var trajectory = IndexOfTrajectory(network.Trajectory);
        var networkRng = new SplitMix64(SplitMix64.Seed(_options.Seed, 13, networkIndex));
        var schoolRng = new SplitMix64(SplitMix64.Seed(_options.Seed, 17, school));
        var profile = _model.ProfilesOf(_options.Seed, school)[wave];
        var effects = new double[leaves];
        for (var l = 0; l < leaves; l++)
            effects[l] = 0.1 * networkRng.NextNormal() + 0.12 * schoolRng.NextNormal()
                + _model.ProfileShifts[profile][l] + _model.Growth[trajectory][l] * wave;
        return effects;
    }

    private readonly Dictionary<NetworkId, int> _networkIndex = [];
    private readonly Dictionary<TrajectoryId, int> _trajectoryIndex = [];

    private int IndexOf(Network network)
    {
        if (_networkIndex.Count == 0)
            for (var i = 0; i < _study.Networks.Count; i++) _networkIndex[_study.Networks[i].Id] = i;
        return _networkIndex[network.Id];
    }

    private int IndexOfTrajectory(TrajectoryId trajectory)
    {
        if (_trajectoryIndex.Count == 0)
            for (var i = 0; i < _study.Trajectories.Count; i++) _trajectoryIndex[_study.Trajectories[i].Id] = i;
        return _trajectoryIndex[trajectory];
    }

    private int RoleOf(ref SplitMix64 rng)
    {
        var u = rng.NextDouble();
        for (var r = 0; r < _model.RoleCumulative.Length; r++)
            if (u < _model.RoleCumulative[r]) return r;
        return _model.RoleCumulative.Length - 1;
    }

    /// <summary>
    /// Fills <paramref name="raw"/> with the raw answers (reverse-keyed items stored reversed, as respondents
    /// give them; −1 = missing) and returns how many were answered. A person's latent traits come from
    /// their own seed, so a person followed across waves keeps them.
    /// </summary>
    private int Answer(ref SplitMix64 rng, int school, int wave, int role, int person, double[] schoolEffects, bool[] inWave, int[] raw, bool straightLine)
    {
        var items = _study.Items;
        var leaves = _model.LeafScales.Length;
        Span<double> latent = stackalloc double[leaves];
        var personRng = person >= 0 ? new SplitMix64(SplitMix64.Seed(_options.Seed, 19, school, person)) : rng;
        var general = personRng.NextNormal();
        Span<double> instrumentFactor = stackalloc double[_study.Instruments.Count];
        for (var i = 0; i < instrumentFactor.Length; i++) instrumentFactor[i] = personRng.NextNormal();
        for (var l = 0; l < leaves; l++)
            latent[l] = 0.45 * general + 0.45 * instrumentFactor[_model.LeafInstrument[l]] + 0.77 * personRng.NextNormal()
                + 0.4 * rng.NextNormal() + schoolEffects[l] + _model.RoleShift[role][l];

        Span<int> straightValue = stackalloc int[_study.Instruments.Count];
        if (straightLine)
            for (var i = 0; i < straightValue.Length; i++)
            {
                var (low, high) = _straightBounds[i];
                straightValue[i] = low + rng.Next(Math.Max(1, high - low + 1));
            }

        var answered = 0;
        for (var j = 0; j < items.Count; j++)
        {
            if (!inWave[j]) { raw[j] = Missing; continue; }
            if (rng.Chance(_options.ItemMissingShare)) { raw[j] = Missing; continue; }
            var format = items[j].Format;
            int value;
            if (straightLine)
                value = straightValue[_model.ItemInstrument[j]];
            else
            {
                var leaf = _model.ItemLeaf[j];
                var z = (leaf >= 0 ? latent[leaf] : general) * 0.85 + 0.55 * rng.NextNormal() + ItemShift(j);
                if (j == _nonInvariantItem && wave == _study.Waves.Count - 1) z += _options.NonInvariantShift;
                var center = format.Min + 0.6 * (format.Max - format.Min);
                var spread = (format.Max - format.Min) / 4.5;
                var keyed = Math.Clamp((int)Math.Floor(center + z * spread + 0.5), format.Min, format.Max);
                value = items[j].IsReverseKeyed ? format.Min + format.Max - keyed : keyed;
            }
            raw[j] = value;
            answered++;
        }
        return answered;
    }

    private double ItemShift(int item)
    {
        var rng = new SplitMix64(SplitMix64.Seed(23, item));
        return 0.3 * rng.NextNormal();
    }

    private static int DropOut(ref SplitMix64 rng, bool[] inWave, int waveItems, int[] raw)
    {
        var keep = (int)(waveItems * (0.1 + 0.35 * rng.NextDouble()));
        var seen = 0;
        var answered = 0;
        for (var j = 0; j < raw.Length; j++)
        {
            if (!inWave[j]) continue;
            if (seen++ >= keep) raw[j] = Missing;
            else if (raw[j] != Missing) answered++;
        }
        return answered;
    }

    /// <summary>Plants one malformed value: out of range, not a number, or an unknown school.</summary>
    private void Malform(ref SplitMix64 rng, bool[] inWave, ref string school, string?[] fields)
    {
        var kind = rng.Next(3);
        if (kind == 2) { school = "onbekende-school"; return; }
        var candidates = Enumerable.Range(0, inWave.Length).Where(j => inWave[j]).ToArray();
        var j = candidates[rng.Next(candidates.Length)];
        fields[j] = kind == 0 ? (_study.Items[j].Format.Max + 2).ToString(CultureInfo.InvariantCulture) : "x";
    }

    private static void WriteFixed(CsvWriter csv, string id, string school, string wave, string role, string? linkage, DateTimeOffset started, DateTimeOffset submitted, string language)
    {
        csv.WriteField(id);
        csv.WriteField(school);
        csv.WriteField(wave);
        csv.WriteField(role);
        csv.WriteField(linkage ?? "");
        csv.WriteField(started.ToString(TimestampFormat, CultureInfo.InvariantCulture));
        csv.WriteField(submitted.ToString(TimestampFormat, CultureInfo.InvariantCulture));
        csv.WriteField(language);
    }

    private void WriteAnswers(CsvWriter csv, int[] raw, bool[] inWave, string?[]? overrides = null)
    {
        var texts = _valueText[0];
        for (var j = 0; j < raw.Length; j++)
        {
            if (overrides?[j] is { } text) csv.WriteField(text);
            else if (!inWave[j] || raw[j] == Missing) csv.WriteField("");
            else csv.WriteField(texts[raw[j] - ValueOffset]);
        }
    }

    private static string NewId(ref SplitMix64 rng)
    {
        var hex = Hex(ref rng, 32);
        return string.Create(36, hex, (span, h) =>
        {
            h.AsSpan(0, 8).CopyTo(span);
            span[8] = '-';
            h.AsSpan(8, 4).CopyTo(span[9..]);
            span[13] = '-';
            h.AsSpan(12, 4).CopyTo(span[14..]);
            span[18] = '-';
            h.AsSpan(16, 4).CopyTo(span[19..]);
            span[23] = '-';
            h.AsSpan(20, 12).CopyTo(span[24..]);
        });
    }

    private static string Hex(ref SplitMix64 rng, int length)
    {
        Span<byte> bytes = stackalloc byte[length / 2];
        for (var i = 0; i < bytes.Length; i += 8)
            BitConverter.TryWriteBytes(bytes[i..], rng.NextUInt64());
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The instant in Belgian local time: +02:00 from the last Sunday of March to the last Sunday of October (01:00 UTC), else +01:00.</summary>
    internal static DateTimeOffset InBrussels(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var start = LastSunday(utc.Year, 3).AddHours(1);
        var end = LastSunday(utc.Year, 10).AddHours(1);
        var offset = utc >= start && utc < end ? TimeSpan.FromHours(2) : TimeSpan.FromHours(1);
        return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified).Add(offset), offset);

        static DateTime LastSunday(int year, int month)
        {
            var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
            return last.AddDays(-(int)last.DayOfWeek);
        }
    }
}
