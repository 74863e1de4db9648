using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CsvHelper;
using Monitoring.Core.Responses;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Analysis.Responses;

/// <summary>
/// Reads the raw response CSV (docs/formats.md, "Raw responses") and checks each row against the
/// study: unknown school, wave or role, malformed timestamps, values that are not whole numbers or
/// lie outside the item's range, answers to items the wave does not include. A row with problems
/// is excluded and every problem is reported (row, column, value, reason); reading never throws on
/// bad data. Fields are parsed from UTF-8 spans without allocating, so a million rows read in seconds.
/// </summary>
public sealed class RawResponseReader
{
    private const int MaxShownValue = 60;
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { Separator = ',', AllowLineBreaksInQuotes = true };

    private readonly Study _study;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _schools;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _waves;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _roles;
    private readonly bool[][] _itemInWave;

    /// <summary>Creates a reader for responses to <paramref name="study"/>.</summary>
    public RawResponseReader(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        _study = study;
        _schools = Index(study.Schools.Select(s => s.Id.Value)).GetAlternateLookup<ReadOnlySpan<char>>();
        _waves = Index(study.Waves.Select(w => w.Id.Value)).GetAlternateLookup<ReadOnlySpan<char>>();
        _roles = Index(study.Roles.Select(r => r.Id.Value)).GetAlternateLookup<ReadOnlySpan<char>>();
        _itemInWave = study.Waves.Select(w => study.Items.Select(i => w.Instruments.Contains(i.Instrument)).ToArray()).ToArray();

        static Dictionary<string, int> Index(IEnumerable<string> ids) =>
            ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public async Task<RawResponses> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return await ReadAsync(stream, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads raw responses from <paramref name="stream"/>; <paramref name="source"/> names it in messages.</summary>
    public async Task<RawResponses> ReadAsync(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        var problems = new List<RowProblem>();
        var builder = new ResponseTableBuilder(_study, stream.CanSeek ? (int)Math.Min(int.MaxValue / 2, stream.Length / 200) : 1024);
        await using var csv = CsvReader.Create(stream, Options, leaveOpen: true);
        await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        if (csv.Headers.Count == 0)
        {
            problems.Add(new RowProblem(1, null, null, "The file is empty: it has no header row."));
            return new RawResponses(builder.Build(), problems, 0, source);
        }
        var layout = ColumnLayout.From(csv.Headers, _study, problems);
        if (layout is null) return new RawResponses(builder.Build(), problems, 0, source);

        var rows = 0;
        var rowProblems = new List<RowProblem>();
        var chars = new char[256];
        while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows++;
            var rowNumber = rows + 1;
            rowProblems.Clear();
            ReadRow(csv, layout, rowNumber, builder, rowProblems, ref chars);
            if (rowProblems.Count > 0) problems.AddRange(rowProblems);
        }
        return new RawResponses(builder.Build(), problems, rows, source);
    }

    private void ReadRow(CsvReader csv, ColumnLayout layout, int rowNumber, ResponseTableBuilder builder, List<RowProblem> problems, ref char[] chars)
    {
        string? id = null;
        var idSpan = csv.GetSpan(layout.ResponseId);
        if (idSpan.IsEmpty)
            problems.Add(new RowProblem(rowNumber, RawResponseColumns.ResponseId, null, "The response id is missing."));
        else
        {
            id = Encoding.UTF8.GetString(idSpan);
            if (!SubmissionId.IsWellFormed(id))
            {
                problems.Add(new RowProblem(rowNumber, RawResponseColumns.ResponseId, Shown(id), "A response id has 1–64 letters, digits, '-' or '_'."));
                id = null;
            }
        }
        if (csv.FieldCount != layout.FieldCount)
            problems.Add(new RowProblem(rowNumber, null, null, $"The row has {csv.FieldCount} fields; the header has {layout.FieldCount}.", id));

        var school = Lookup(csv, layout.School, _schools, RawResponseColumns.School, "school", rowNumber, id, problems, ref chars);
        var wave = Lookup(csv, layout.Wave, _waves, RawResponseColumns.Wave, "wave", rowNumber, id, problems, ref chars);
        var role = Lookup(csv, layout.Role, _roles, RawResponseColumns.Role, "role", rowNumber, id, problems, ref chars);
        string? linkage = null;
        if (layout.LinkageCode >= 0 && !csv.IsEmpty(layout.LinkageCode))
            linkage = Encoding.UTF8.GetString(csv.GetSpan(layout.LinkageCode));
        var started = Timestamp(csv, layout.Started, RawResponseColumns.Started, rowNumber, id, problems);
        var submitted = Timestamp(csv, layout.Submitted, RawResponseColumns.Submitted, rowNumber, id, problems);
        if (started is not null && submitted is not null && submitted < started)
            problems.Add(new RowProblem(rowNumber, RawResponseColumns.Submitted, Shown(Encoding.UTF8.GetString(csv.GetSpan(layout.Submitted))),
                "Submitted before it was started.", id));
        byte language = 0;
        if (layout.Language >= 0)
        {
            var text = csv.GetSpan(layout.Language);
            if (text.SequenceEqual("en"u8)) language = 1;
            else if (!text.IsEmpty && !text.SequenceEqual("nl"u8))
                problems.Add(new RowProblem(rowNumber, RawResponseColumns.Language, Shown(Encoding.UTF8.GetString(text)), "The language is 'nl' or 'en'.", id));
        }

        var row = problems.Count == 0
            ? builder.Add(id!, school, wave, role, linkage, started!.Value, submitted!.Value, language, rowNumber)
            : -1;
        var items = _study.Items;
        var inWave = wave >= 0 ? _itemInWave[wave] : null;
        for (var c = 0; c < layout.Items.Length; c++)
        {
            var (field, item) = layout.Items[c];
            var span = csv.GetSpan(field);
            if (span.IsEmpty) continue;
            float value;
            if (span.Length == 1 && (uint)(span[0] - '0') <= 9)
                value = span[0] - '0';
            else if (!Utf8Parser.TryParse(span, out double parsed, out var consumed) || consumed != span.Length || !double.IsFinite(parsed))
            {
                problems.Add(new RowProblem(rowNumber, items[item].Id.Value, Shown(Encoding.UTF8.GetString(span)), "Not a number.", id));
                continue;
            }
            else value = (float)parsed;
            var format = items[item].Format;
            if (!format.Allows(value))
            {
                problems.Add(new RowProblem(rowNumber, items[item].Id.Value, Shown(Encoding.UTF8.GetString(span)),
                    $"Outside the item's range: a whole number from {format.Min} to {format.Max}.", id));
                continue;
            }
            if (inWave is not null && !inWave[item])
            {
                problems.Add(new RowProblem(rowNumber, items[item].Id.Value, Shown(Encoding.UTF8.GetString(span)),
                    $"Wave '{_study.Waves[wave].Id}' does not include instrument '{items[item].Instrument}'.", id));
                continue;
            }
            if (row >= 0) builder.SetAnswer(row, item, value);
        }
        if (row >= 0 && problems.Count > 0) builder.RemoveLast();
    }

    private static int Lookup(CsvReader csv, int field, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> index, string column, string what,
        int row, string? id, List<RowProblem> problems, ref char[] chars)
    {
        var span = csv.GetSpan(field);
        if (span.IsEmpty)
        {
            problems.Add(new RowProblem(row, column, null, $"The {what} is missing.", id));
            return -1;
        }
        if (chars.Length < span.Length) chars = new char[span.Length * 2];
        var length = Encoding.UTF8.GetChars(span, chars);
        if (index.TryGetValue(chars.AsSpan(0, length), out var found)) return found;
        problems.Add(new RowProblem(row, column, Shown(new string(chars, 0, length)), $"Unknown {what}: the study does not define it.", id));
        return -1;
    }

    private static DateTimeOffset? Timestamp(CsvReader csv, int field, string column, int row, string? id, List<RowProblem> problems)
    {
        var span = csv.GetSpan(field);
        if (IsoTimestamp.TryParse(span, out var value)) return value;
        problems.Add(new RowProblem(row, column, span.IsEmpty ? null : Shown(Encoding.UTF8.GetString(span)),
            span.IsEmpty ? "The timestamp is missing." : "Not an ISO 8601 date-time with an offset, e.g. 2021-10-05T09:13:22+02:00.", id));
        return null;
    }

    private static string Shown(string value) => value.Length <= MaxShownValue ? value : value[..MaxShownValue] + "…";

    /// <summary>Where each column of a file is.</summary>
    private sealed class ColumnLayout
    {
        public int FieldCount { get; private init; }
        public int ResponseId { get; private init; } = -1;
        public int School { get; private init; } = -1;
        public int Wave { get; private init; } = -1;
        public int Role { get; private init; } = -1;
        public int LinkageCode { get; private init; } = -1;
        public int Started { get; private init; } = -1;
        public int Submitted { get; private init; } = -1;
        public int Language { get; private init; } = -1;
        public (int Field, int Item)[] Items { get; private init; } = [];

        /// <summary>The layout, or null (with problems) when the header makes the file unreadable.</summary>
        public static ColumnLayout? From(IReadOnlyList<string> headers, Study study, List<RowProblem> problems)
        {
            var items = study.Items.Select((item, index) => (item.Id.Value, index)).ToDictionary(p => p.Value, p => p.index, StringComparer.Ordinal);
            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            var fatal = false;
            var itemFields = new List<(int, int)>();
            for (var i = 0; i < headers.Count; i++)
            {
                var name = headers[i];
                if (!position.TryAdd(name, i))
                {
                    problems.Add(new RowProblem(1, name, null, $"Column '{name}' appears twice in the header; the file cannot be read unambiguously."));
                    fatal = true;
                    continue;
                }
                if (RawResponseColumns.Fixed.Contains(name)) continue;
                if (items.TryGetValue(name, out var item)) itemFields.Add((i, item));
                else problems.Add(new RowProblem(1, name, null, "Unknown column: neither a fixed column nor an item of the study; its values are not read."));
            }
            foreach (var required in new[] { RawResponseColumns.ResponseId, RawResponseColumns.School, RawResponseColumns.Wave, RawResponseColumns.Role, RawResponseColumns.Started, RawResponseColumns.Submitted })
                if (!position.ContainsKey(required))
                {
                    problems.Add(new RowProblem(1, required, null, $"The required column '{required}' is missing; no row can be read."));
                    fatal = true;
                }
            foreach (var item in study.Items)
                if (!position.ContainsKey(item.Id.Value))
                    problems.Add(new RowProblem(1, item.Id.Value, null, "The study's item has no column: its answers are read as missing."));
            if (fatal) return null;
            return new ColumnLayout
            {
                FieldCount = headers.Count,
                ResponseId = position[RawResponseColumns.ResponseId],
                School = position[RawResponseColumns.School],
                Wave = position[RawResponseColumns.Wave],
                Role = position[RawResponseColumns.Role],
                LinkageCode = position.GetValueOrDefault(RawResponseColumns.LinkageCode, -1),
                Started = position[RawResponseColumns.Started],
                Submitted = position[RawResponseColumns.Submitted],
                Language = position.GetValueOrDefault(RawResponseColumns.Language, -1),
                Items = itemFields.ToArray(),
            };
        }
    }
}
