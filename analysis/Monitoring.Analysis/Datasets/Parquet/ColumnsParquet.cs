using Monitoring.Analysis.Datasets.Tables;
using Parquet;
using Parquet.Schema;

namespace Monitoring.Analysis.Datasets.Parquet;

/// <summary>
/// Writes the Parquet copy of a table held as typed columns (the Deedle-shaped tables, <see cref="Shaping.FrameColumns"/>):
/// the same values as its CSV, which is written from the same arrays, without reading the CSV back.
/// </summary>
internal static class ColumnsParquet
{
    /// <summary>Rows per row group, as <see cref="CsvParquet"/> writes them.</summary>
    private const int RowGroup = 1 << 15;

    public static async Task WriteAsync(string path, Array[] values, DatasetTable table, string language, CancellationToken cancellationToken = default)
    {
        var columns = table.Columns;
        var fields = columns.Select(c => ParquetColumns.Field(c, c.Name, ParquetColumns.Nullable(c))).ToArray();
        var rows = values.Length == 0 ? 0 : values[0].Length;
        File.Delete(path);
        await using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, ParquetColumns.Options(fields, [.. columns]), cancellationToken: cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = ParquetColumns.Metadata(table, language);
        for (var start = 0; start == 0 || start < rows; start += RowGroup)
        {
            var count = Math.Min(RowGroup, rows - start);
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                var field = fields[i];
                switch (values[i])
                {
                    case int?[] v: await Write(group, field, v, start, count, cancellationToken).ConfigureAwait(false); break;
                    case double?[] v: await Write(group, field, v, start, count, cancellationToken).ConfigureAwait(false); break;
                    case bool?[] v: await Write(group, field, v, start, count, cancellationToken).ConfigureAwait(false); break;
                    case string?[] v:
                        if (!field.IsNullable && Array.IndexOf(v, null, start, count) is var empty and >= 0) throw Empty(field, empty);
                        await group.WriteAsync(field, new ArraySegment<string?>(v, start, count)!).ConfigureAwait(false);
                        break;
                    default: throw new ArgumentException($"No Parquet column for values of {values[i].GetType().Name}.", nameof(values));
                }
            }
        }
    }

    private static async Task Write<T>(ParquetRowGroupWriter group, DataField field, T?[] values, int start, int count, CancellationToken cancellationToken) where T : struct
    {
        if (field.IsNullable)
        {
            await group.WriteAsync<T>(field, values.AsMemory(start, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }
        var required = new T[count];
        for (var i = 0; i < count; i++) required[i] = values[start + i] ?? throw Empty(field, start + i);
        await group.WriteAsync<T>(field, required.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static InvalidOperationException Empty(DataField field, int row) =>
        new($"Column '{field.Name}' is described as never empty, but row {row + 1} has no value: describe what empty means (Datasets/Tables/DatasetTables.cs).");
}
