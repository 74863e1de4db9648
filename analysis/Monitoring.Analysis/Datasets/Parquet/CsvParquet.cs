using System.Globalization;
using System.Text;
using CsvHelper;
using Monitoring.Analysis.Datasets.Tables;
using Parquet;
using Parquet.Schema;

namespace Monitoring.Analysis.Datasets.Parquet;

/// <summary>
/// Writes the Parquet copy of a CSV the run wrote, reading it back and typing each column by the table's description,
/// so that the two hold the same values by construction, and a column another writer adds needs only its description.
/// A column the description lacks is kept as text (the codebook test fails on it). Text that the CSV prefixed with a
/// quote against spreadsheet formulas gets its own value back. Rows are read a row group at a time into one typed
/// buffer per column, so the memory does not grow with the table.
/// </summary>
internal static class CsvParquet
{
    /// <summary>Rows per row group: a few tens of thousands keep the buffers of a wide table (the panel) small.</summary>
    private const int RowGroup = 1 << 15;

    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with { Separator = ',', AllowLineBreaksInQuotes = true };

    public static async Task WriteAsync(string csvPath, string parquetPath, DatasetTable table, string language, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(csvPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        await using var csv = CsvReader.Create(stream, ReaderOptions, leaveOpen: false);
        await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        var header = csv.Headers.ToArray();
        var described = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var columns = header.Select(name => described.GetValueOrDefault(name)).ToArray();
        var fields = new DataField[header.Length];
        for (var i = 0; i < header.Length; i++)
            fields[i] = ParquetColumns.Field(columns[i], header[i], columns[i] is not { } c || ParquetColumns.Nullable(c));
        var buffers = fields.Select((f, i) => Buffer.For(columns[i]?.Kind ?? ColumnKind.Text)).ToArray();

        File.Delete(parquetPath);
        await using var output = new FileStream(parquetPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, ParquetColumns.Options(fields, columns), cancellationToken: cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = ParquetColumns.Metadata(table, language);
        var more = true;
        for (var group = 0; more; group++)
        {
            var count = 0;
            while (count < RowGroup && (more = await csv.ReadAsync(cancellationToken).ConfigureAwait(false)))
            {
                for (var i = 0; i < header.Length; i++)
                    buffers[i].Read(i < csv.FieldCount ? csv.GetSpan(i) : default, count, csvPath, header[i]);
                count++;
            }
            if (count == 0 && group > 0) break;
            using var rowGroup = writer.CreateRowGroup();
            for (var i = 0; i < header.Length; i++)
                await buffers[i].WriteAsync(rowGroup, fields[i], count, cancellationToken).ConfigureAwait(false);
        }
    }

    public static DateTime Instant(ReadOnlySpan<char> text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture).UtcDateTime;

    /// <summary>One column's values of the current row group.</summary>
    private abstract class Buffer
    {
        public static Buffer For(ColumnKind kind) => kind switch
        {
            ColumnKind.Item or ColumnKind.Integer => new Values<int>(static text => int.Parse(text, CultureInfo.InvariantCulture)),
            ColumnKind.Number => new Values<double>(static text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            ColumnKind.Boolean => new Values<bool>(static text => text.SequenceEqual("true"u8)),
            ColumnKind.Timestamp => new Values<DateTime>(static text => Instant(Encoding.UTF8.GetString(text))),
            // Names repeat as ids do (a school's name on each of its rows): both looked up before a string is made.
            _ => new Texts(intern: true),
        };

        public abstract void Read(ReadOnlySpan<byte> field, int row, string file, string column);

        public abstract Task WriteAsync(ParquetRowGroupWriter group, DataField field, int count, CancellationToken cancellationToken);
    }

    private delegate T Parse<T>(ReadOnlySpan<byte> text);

    private sealed class Values<T>(Parse<T> parse) : Buffer where T : struct
    {
        private readonly T?[] _values = new T?[RowGroup];
        private T[]? _required;

        public override void Read(ReadOnlySpan<byte> field, int row, string file, string column) =>
            _values[row] = field.IsEmpty ? null : parse(field);

        public override async Task WriteAsync(ParquetRowGroupWriter group, DataField field, int count, CancellationToken cancellationToken)
        {
            if (field.IsNullable)
            {
                await group.WriteAsync<T>(field, _values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            _required ??= new T[RowGroup];
            for (var i = 0; i < count; i++)
                _required[i] = _values[i] ?? throw new InvalidOperationException($"Column '{field.Name}' is described as never empty, but row {i + 1} of a row group has an empty field: describe what empty means (Datasets/Tables/DatasetTables.cs).");
            await group.WriteAsync<T>(field, _required.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Texts : Buffer
    {
        private readonly bool _intern;
        private readonly string?[] _values = new string?[RowGroup];
        private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private char[] _chars = new char[256];

        public Texts(bool intern)
        {
            _intern = intern;
            _lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public override void Read(ReadOnlySpan<byte> field, int row, string file, string column)
        {
            if (field.IsEmpty)
            {
                _values[row] = null;
                return;
            }
            // The quote that CsvFiles puts before text that starts like a formula.
            if (field.Length > 1 && field[0] == '\'' && field[1] is (byte)'=' or (byte)'+' or (byte)'-' or (byte)'@' or (byte)'\t' or (byte)'\r') field = field[1..];
            if (!_intern)
            {
                _values[row] = Encoding.UTF8.GetString(field);
                return;
            }
            // Ids repeat: looked up by their characters, so a known id costs no string.
            if (_chars.Length < field.Length) _chars = new char[Math.Max(field.Length, _chars.Length * 2)];
            var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(field, _chars));
            if (!_lookup.TryGetValue(chars, out var text))
            {
                text = chars.ToString();
                if (_interned.Count < 1 << 16) _interned[text] = text;
            }
            _values[row] = text;
        }

        public override Task WriteAsync(ParquetRowGroupWriter group, DataField field, int count, CancellationToken cancellationToken) =>
            group.WriteAsync(field, new ArraySegment<string?>(_values, 0, count)!);
    }
}
