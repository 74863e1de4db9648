using System.Globalization;
using System.Text;
using CsvHelper;
using Monitoring.Analysis.Datasets.Tables;
using Parquet;
using Parquet.Schema;

namespace Monitoring.Analysis.Datasets.Parquet;

/// <summary>
/// Writes the Parquet copy of a CSV the run wrote, reading it back and typing each column by the table's description,
/// so that the two hold the same values by construction. A column the description lacks is kept as text (the codebook
/// test fails on it). Text that the CSV prefixed with a quote against spreadsheet formulas gets its own value back.
/// </summary>
internal static class CsvParquet
{
    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with { Separator = ',', AllowLineBreaksInQuotes = true };

    public static async Task WriteAsync(string csvPath, string parquetPath, DatasetTable table, string language, CancellationToken cancellationToken = default)
    {
        string[] header;
        var cells = new List<List<string?>>();
        await using (var stream = File.OpenRead(csvPath))
        await using (var csv = CsvReader.Create(stream, ReaderOptions, leaveOpen: false))
        {
            await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            header = [.. csv.Headers];
            foreach (var _ in header) cells.Add([]);
            while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
                for (var i = 0; i < header.Length; i++)
                    cells[i].Add(i < csv.FieldCount && !csv.IsEmpty(i) ? csv.GetString(i) : null);
        }

        var described = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var columns = header.Select(name => described.GetValueOrDefault(name)).ToArray();
        var fields = new DataField[header.Length];
        for (var i = 0; i < header.Length; i++)
            fields[i] = ParquetColumns.Field(columns[i], header[i], columns[i] is not { } c || ParquetColumns.Nullable(c) || cells[i].Contains(null));
        var rows = cells.Count == 0 ? 0 : cells[0].Count;

        File.Delete(parquetPath);
        await using var output = new FileStream(parquetPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, ParquetColumns.Options(fields, columns), cancellationToken: cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = ParquetColumns.Metadata(table, language);
        for (var start = 0; start == 0 || start < rows; start += ParquetColumns.RowGroup)
        {
            var count = Math.Min(ParquetColumns.RowGroup, rows - start);
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < header.Length; i++)
                await WriteColumnAsync(group, fields[i], columns[i]?.Kind ?? ColumnKind.Text, cells[i].GetRange(start, count), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, ColumnKind kind, List<string?> values, CancellationToken cancellationToken)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case ColumnKind.Item or ColumnKind.Integer when field.IsNullable:
                await group.WriteAsync<int>(field, values.Select(v => v is null ? (int?)null : int.Parse(v, invariant)).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case ColumnKind.Item or ColumnKind.Integer:
                await group.WriteAsync<int>(field, values.Select(v => int.Parse(v!, invariant)).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case ColumnKind.Number when field.IsNullable:
                await group.WriteAsync<double>(field, values.Select(v => v is null ? (double?)null : double.Parse(v, invariant)).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case ColumnKind.Number:
                await group.WriteAsync<double>(field, values.Select(v => double.Parse(v!, invariant)).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case ColumnKind.Boolean when field.IsNullable:
                await group.WriteAsync<bool>(field, values.Select(v => v is null ? (bool?)null : v == "true").ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case ColumnKind.Boolean:
                await group.WriteAsync<bool>(field, values.Select(v => v == "true").ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case ColumnKind.Timestamp when field.IsNullable:
                await group.WriteAsync<DateTime>(field, values.Select(v => v is null ? (DateTime?)null : Instant(v)).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case ColumnKind.Timestamp:
                await group.WriteAsync<DateTime>(field, values.Select(v => Instant(v!)).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            default:
                await group.WriteAsync(field, values.Select(Unescaped).ToArray()).ConfigureAwait(false);
                break;
        }
    }

    public static DateTime Instant(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture).UtcDateTime;

    /// <summary>The text without the quote that <see cref="CsvFiles.Options"/> puts before a formula-like start.</summary>
    private static string? Unescaped(string? text) =>
        text is { Length: > 1 } && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? text[1..] : text;
}
