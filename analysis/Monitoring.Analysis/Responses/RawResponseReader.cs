using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
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
    /// <remarks>
    /// Rows are parsed and checked on every core (CsvHelper's <see cref="CsvReader.ParallelEnumerate{T}(Func{CsvReader, T}, int)"/>),
    /// each straight into its place in the table; this thread collects the problems in row order.
    /// </remarks>
    public async Task<RawResponses> ReadAsync(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var problems = new List<RowProblem>();
        var fatal = new List<RowProblem>();
        await using var csv = CsvReader.Create(stream, Options, leaveOpen: true);
        await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        if (csv.Headers.Count == 0)
        {
            var empty = new RowProblem(ResponseProblemCodes.InvalidHeader, 1, null, null, "The file is empty: it has no header row.");
            problems.Add(empty);
            return new RawResponses(new ResponseTableBuilder(_study).Build(0), problems, 0, source) { Fatal = [empty] };
        }
        var layout = ColumnLayout.From(csv.Headers, _study, problems, fatal);
        if (layout is null) return new RawResponses(new ResponseTableBuilder(_study).Build(0), problems, 0, source) { Fatal = fatal };
        var builder = new ResponseTableBuilder(_study, hasReceived: layout.Received >= 0);

        var rows = 0;
        foreach (var rowProblems in csv.ParallelEnumerate(reader => ReadRow(reader, layout, builder), Environment.ProcessorCount))
        {
            if ((++rows & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (rowProblems is not null) problems.AddRange(rowProblems);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var table = builder.Build(rows);
        if (rows == 0)
            fatal.Add(new RowProblem(ResponseProblemCodes.NoReadableRows, 0, null, null, "The file has a header but no rows of responses."));
        else if (table.Count == 0)
            fatal.Add(new RowProblem(ResponseProblemCodes.NoReadableRows, 0, null, null, $"None of the {rows:N0} row(s) can be read: every row has a problem (listed with its row and column); fix them and run again."));
        return new RawResponses(table, problems, rows, source) { Fatal = fatal };
    }

    /// <summary>Reads the record <paramref name="csv"/> is on into its row of <paramref name="builder"/>; returns its problems, or null when it has none.</summary>
    // Runs a million times in a process that runs once: compiled fully optimised at once instead of through the JIT's tiers
    // (as are the other hot loops of the batch marked so).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<RowProblem>? ReadRow(CsvReader csv, ColumnLayout layout, ResponseTableBuilder builder)
    {
        var index = checked((int)(csv.RowNumber - 1));
        var rowNumber = index + 2;
        var chunk = builder.ChunkOf(index, out var at);
        var texts = builder.Texts();
        List<RowProblem>? problems = null;

        var idSpan = csv.GetSpan(layout.ResponseId);
        if (idSpan.IsEmpty)
            Add(ref problems, new RowProblem(ResponseProblemCodes.MissingField, rowNumber, RawResponseColumns.ResponseId, null, "The response id is missing."));
        else if (IsWellFormedId(idSpan))
            chunk.Ids[at] = texts.Append(idSpan);
        else
            Add(ref problems, new RowProblem(ResponseProblemCodes.InvalidId, rowNumber, RawResponseColumns.ResponseId, Shown(Encoding.UTF8.GetString(idSpan)), "A response id has 1–64 letters, digits, '-' or '_'."));
        if (csv.FieldCount != layout.FieldCount)
            Add(ref problems, new RowProblem(ResponseProblemCodes.WrongFieldCount, rowNumber, null, null, $"The row has {csv.FieldCount} fields; the header has {layout.FieldCount}.", IdOf(csv, layout)));

        var school = Lookup(csv, layout, layout.School, _schools, RawResponseColumns.School, "school", ResponseProblemCodes.UnknownSchool, rowNumber, ref problems);
        var wave = Lookup(csv, layout, layout.Wave, _waves, RawResponseColumns.Wave, "wave", ResponseProblemCodes.UnknownWave, rowNumber, ref problems);
        var role = Lookup(csv, layout, layout.Role, _roles, RawResponseColumns.Role, "role", ResponseProblemCodes.UnknownRole, rowNumber, ref problems);
        long linkage = 0;
        if (layout.LinkageCode >= 0)
        {
            var code = csv.GetSpan(layout.LinkageCode);
            if (!code.IsEmpty)
                // Invalid UTF-8 is stored as the string it decodes to, so that equal bytes mean equal codes.
                linkage = texts.Append(Utf8.IsValid(code) ? code : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(code)));
        }
        var started = Timestamp(csv, layout, layout.Started, RawResponseColumns.Started, rowNumber, ref problems);
        var submitted = Timestamp(csv, layout, layout.Submitted, RawResponseColumns.Submitted, rowNumber, ref problems);
        if (started is not null && submitted is not null && submitted < started)
            Add(ref problems, new RowProblem(ResponseProblemCodes.StartedAfterSubmitted, rowNumber, RawResponseColumns.Submitted, Shown(Encoding.UTF8.GetString(csv.GetSpan(layout.Submitted))),
                ResponseRules.StartedAfterSubmittedReason, IdOf(csv, layout)));
        var received = layout.Received >= 0 ? Timestamp(csv, layout, layout.Received, RawResponseColumns.Received, rowNumber, ref problems) : submitted;
        byte language = 0;
        if (layout.Language >= 0)
        {
            var text = csv.GetSpan(layout.Language);
            if (text.SequenceEqual("en"u8)) language = 1;
            else if (!text.IsEmpty && !ResponseRules.IsLanguage(text))
                Add(ref problems, new RowProblem(ResponseProblemCodes.UnknownLanguage, rowNumber, RawResponseColumns.Language, Shown(Encoding.UTF8.GetString(text)), ResponseRules.LanguageReason, IdOf(csv, layout)));
        }

        var items = _study.Items;
        var coding = builder.Coding;
        var codes = chunk.Codes.AsSpan(at * coding.ItemCount, coding.ItemCount);
        codes.Fill(AnswerCoding.Missing);
        if (coding.HasWide)
            foreach (var column in chunk.Wide)
                if (column is not null) column[at] = float.NaN;
        var inWave = wave >= 0 ? _itemInWave[wave] : null;
        for (var c = 0; c < layout.Items.Length; c++)
        {
            var (field, item) = layout.Items[c];
            var span = csv.GetSpan(field);
            if (span.IsEmpty) continue;
            if (inWave is not null && !inWave[item])
            {
                Add(ref problems, new RowProblem(ResponseProblemCodes.ItemNotInWave, rowNumber, items[item].Id.Value, Shown(Encoding.UTF8.GetString(span)),
                    ResponseRules.ItemNotInWaveReason(_study.Waves[wave].Id.Value, items[item].Instrument.Value), IdOf(csv, layout)));
                continue;
            }
            double value;
            if (span.Length == 1 && (uint)(span[0] - '0') <= 9)
                value = span[0] - '0';
            else if (!Utf8Parser.TryParse(span, out value, out var consumed) || consumed != span.Length)
                value = double.NaN;
            var format = items[item].Format;
            if (ResponseRules.Answer(value, format) is { } code)
            {
                Add(ref problems, new RowProblem(code, rowNumber, items[item].Id.Value, Shown(Encoding.UTF8.GetString(span)), ResponseRules.AnswerReason(code, format), IdOf(csv, layout)));
                continue;
            }
            if (coding.Wide[item]) chunk.Wide[item]![at] = (float)value;
            else codes[item] = (byte)((int)value - coding.Min[item]);
        }

        if (problems is not null)
        {
            // The cleaning log names the row's school and wave when they are the study's.
            var schoolId = school >= 0 ? _study.Schools[school].Id.Value : null;
            var waveId = wave >= 0 ? _study.Waves[wave].Id.Value : null;
            if (schoolId is not null || waveId is not null)
                for (var i = 0; i < problems.Count; i++) problems[i] = problems[i] with { School = schoolId, Wave = waveId };
            return problems;
        }
        chunk.Schools[at] = school;
        chunk.Waves[at] = wave;
        chunk.Roles[at] = role;
        chunk.Linkage[at] = linkage;
        chunk.Started[at] = started!.Value;
        chunk.Submitted[at] = submitted!.Value;
        if (chunk.Received is { } receivedColumn) receivedColumn[at] = received!.Value;
        chunk.Languages[at] = language;
        chunk.Valid[at] = true;
        return null;
    }

    private static void Add(ref List<RowProblem>? problems, RowProblem problem) => (problems ??= []).Add(problem);

    /// <summary>The row's response id for its problems (rare, so made then): null when it is missing or malformed.</summary>
    private static string? IdOf(CsvReader csv, ColumnLayout layout)
    {
        var span = csv.GetSpan(layout.ResponseId);
        return IsWellFormedId(span) ? Encoding.UTF8.GetString(span) : null;
    }

    /// <summary>
    /// <see cref="SubmissionId.IsWellFormed"/> on UTF-8: 1–64 ASCII letters, digits, '-' or '_' (any other
    /// byte makes a character that the check rejects).
    /// </summary>
    private static bool IsWellFormedId(ReadOnlySpan<byte> id)
    {
        if (id.IsEmpty || id.Length > 64) return false;
        foreach (var b in id)
            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_')) return false;
        return true;
    }

    private static int Lookup(CsvReader csv, ColumnLayout layout, int field, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> index, string column, string what,
        string unknown, int row, ref List<RowProblem>? problems)
    {
        var span = csv.GetSpan(field);
        if (span.IsEmpty)
        {
            Add(ref problems, new RowProblem(ResponseProblemCodes.MissingField, row, column, null, $"The {what} is missing.", IdOf(csv, layout)));
            return -1;
        }
        var chars = span.Length <= 128 ? stackalloc char[128] : new char[span.Length];
        var length = Encoding.UTF8.GetChars(span, chars);
        if (index.TryGetValue(chars[..length], out var found)) return found;
        Add(ref problems, new RowProblem(unknown, row, column, Shown(new string(chars[..length])), ResponseRules.UnknownReason(what), IdOf(csv, layout)));
        return -1;
    }

    private static DateTimeOffset? Timestamp(CsvReader csv, ColumnLayout layout, int field, string column, int row, ref List<RowProblem>? problems)
    {
        var span = csv.GetSpan(field);
        if (IsoTimestamp.TryParse(span, out var value)) return value;
        Add(ref problems, new RowProblem(span.IsEmpty ? ResponseProblemCodes.MissingField : ResponseProblemCodes.InvalidTimestamp, row, column, span.IsEmpty ? null : Shown(Encoding.UTF8.GetString(span)),
            span.IsEmpty ? "The timestamp is missing." : "Not an ISO 8601 date-time with an offset, e.g. 2021-10-05T09:13:22+02:00.", IdOf(csv, layout)));
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
        public int Received { get; private init; } = -1;
        public (int Field, int Item)[] Items { get; private init; } = [];

        /// <summary>
        /// The layout, or null when the header makes the file unreadable: a duplicated or missing required column, a
        /// column whose name differs from one of the study's only in case or spaces, a file separated by ';' or tabs, or
        /// a UTF-16 file. Every header problem goes to <paramref name="problems"/>, the ones that make the file
        /// unreadable to <paramref name="fatal"/> as well.
        /// </summary>
        public static ColumnLayout? From(IReadOnlyList<string> headers, Study study, List<RowProblem> problems, List<RowProblem> fatal)
        {
            void Fatal(RowProblem problem)
            {
                problems.Add(problem);
                fatal.Add(problem);
            }

            if (HeaderProblem(headers) is { } wrongFormat)
            {
                Fatal(wrongFormat);
                return null;
            }
            var items = study.Items.Select((item, index) => (item.Id.Value, index)).ToDictionary(p => p.Value, p => p.index, StringComparer.Ordinal);
            var expected = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in RawResponseColumns.Ordered.Concat(study.Items.Select(i => i.Id.Value))) expected.TryAdd(Normalised(column), column);
            var written = headers.ToHashSet(StringComparer.Ordinal);
            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            var misspelt = new HashSet<string>(StringComparer.Ordinal);
            var unknown = new List<string>();
            var itemFields = new List<(int, int)>();
            for (var i = 0; i < headers.Count; i++)
            {
                var name = headers[i];
                if (!position.TryAdd(name, i))
                {
                    Fatal(new RowProblem(ResponseProblemCodes.InvalidHeader, 1, name, null, $"Column '{name}' appears twice in the header; the file cannot be read unambiguously."));
                    continue;
                }
                if (RawResponseColumns.Fixed.Contains(name)) continue;
                if (items.TryGetValue(name, out var item)) itemFields.Add((i, item));
                else if (expected.TryGetValue(Normalised(name), out var meant) && !written.Contains(meant))
                {
                    // Read as unknown, its answers would be silently missing: the file is refused instead.
                    Fatal(new RowProblem(ResponseProblemCodes.InvalidHeader, 1, name, null, $"Column {i + 1} is named '{name}'; it should be '{meant}' (column names are case-sensitive: lower case, no spaces). Rename it in the header."));
                    misspelt.Add(meant);
                }
                else
                {
                    problems.Add(new RowProblem(ResponseProblemCodes.InvalidHeader, 1, name, null, "Unknown column: neither a fixed column nor an item of the study; its values are not read."));
                    unknown.Add(name);
                }
            }
            foreach (var required in new[] { RawResponseColumns.ResponseId, RawResponseColumns.School, RawResponseColumns.Wave, RawResponseColumns.Role, RawResponseColumns.Started, RawResponseColumns.Submitted })
                if (!position.ContainsKey(required) && !misspelt.Contains(required))
                    Fatal(new RowProblem(ResponseProblemCodes.InvalidHeader, 1, required, null, $"The required column '{required}' is missing; no row can be read." +
                        (unknown.Count > 0 ? $" The header has {unknown.Count} unknown column(s) ({string.Join(", ", unknown.Take(5).Select(u => $"'{u}'"))}{(unknown.Count > 5 ? ", …" : "")}): is one of them meant to be '{required}'?" : "")));
            foreach (var item in study.Items)
                if (!position.ContainsKey(item.Id.Value) && !misspelt.Contains(item.Id.Value))
                    problems.Add(new RowProblem(ResponseProblemCodes.InvalidHeader, 1, item.Id.Value, null, "The study's item has no column: its answers are read as missing."));
            if (fatal.Count > 0) return null;
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
                Received = position.GetValueOrDefault(RawResponseColumns.Received, -1),
                Items = itemFields.ToArray(),
            };
        }

        private static string Normalised(string name) => name.Trim().Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

        /// <summary>A header that is not a comma-separated UTF-8 one: what Excel saves in a locale with a decimal comma, or as "Unicode text".</summary>
        private static RowProblem? HeaderProblem(IReadOnlyList<string> headers)
        {
            var line = string.Join(",", headers);
            if (line.Contains('\0', StringComparison.Ordinal) || line.StartsWith('\uFFFD'))
                return new RowProblem(ResponseProblemCodes.InvalidHeader, 1, null, null, "The file is not UTF-8 text (it looks like UTF-16, what Excel saves as \"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\".");
            if (headers.Count > 2) return null;
            foreach (var (separator, name) in new[] { (';', "';' (semicolon), not by commas (what Excel saves in a Dutch or Belgian locale)"), ('\t', "tabs, not by commas"), ('|', "'|', not by commas") })
            {
                var fields = line.Split(separator);
                if (fields.Length > 2 && fields.Count(f => RawResponseColumns.Fixed.Contains(Normalised(f))) >= 2)
                    return new RowProblem(ResponseProblemCodes.InvalidHeader, 1, null, null, $"The file is separated by {name}; " +
                        "save it as CSV with ',' (comma) as separator, e.g. \"CSV UTF-8 (comma delimited)\", or export it with a comma as list separator.");
            }
            return null;
        }
    }
}
