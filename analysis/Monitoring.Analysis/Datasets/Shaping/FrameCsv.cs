using Deedle;
using Monitoring.Analysis.Datasets.Tables;

namespace Monitoring.Analysis.Datasets.Shaping;

/// <summary>Writes a Deedle frame as a CSV of the common dialect, its columns in the order and with the kinds of a table's description.</summary>
internal static class FrameCsv
{
    public static void Write(string path, Frame<int, string> frame, DatasetTable table)
    {
        using var csv = CsvFiles.Create(path);
        foreach (var column in table.Columns) csv.WriteField(column.Name);
        csv.EndRecord();
        var writers = table.Columns.Select(c => Writer(frame, c)).ToArray();
        for (var row = 0; row < frame.RowCount; row++)
        {
            foreach (var write in writers) write(csv, row);
            csv.EndRecord();
        }
    }

    private static Action<CsvHelper.CsvWriter, int> Writer(Frame<int, string> frame, DatasetColumn column)
    {
        switch (column.Kind)
        {
            case ColumnKind.Integer:
            {
                var series = frame.GetColumn<double>(column.Name);
                return (csv, row) =>
                {
                    var value = series.TryGetAt(row);
                    if (value.HasValue && double.IsFinite(value.Value)) CsvFiles.Count(csv, (int)value.Value);
                    else csv.WriteField(ReadOnlySpan<byte>.Empty);
                };
            }
            case ColumnKind.Number:
            {
                var series = frame.GetColumn<double>(column.Name);
                return (csv, row) =>
                {
                    var value = series.TryGetAt(row);
                    CsvFiles.Number(csv, value.HasValue ? value.Value : null);
                };
            }
            case ColumnKind.Boolean:
            {
                var series = frame.GetColumn<bool>(column.Name);
                return (csv, row) =>
                {
                    var value = series.TryGetAt(row);
                    if (value.HasValue) CsvFiles.Bool(csv, value.Value);
                    else csv.WriteField(ReadOnlySpan<byte>.Empty);
                };
            }
            default:
            {
                var series = frame.GetColumn<string>(column.Name);
                return (csv, row) =>
                {
                    var value = series.TryGetAt(row);
                    csv.WriteField(value.HasValue ? value.Value : "");
                };
            }
        }
    }
}
