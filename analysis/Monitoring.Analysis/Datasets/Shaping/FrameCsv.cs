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
        var rows = frame.RowCount;
        var writers = table.Columns.Select(c => Writer(frame, c, rows)).ToArray();
        for (var row = 0; row < rows; row++)
        {
            foreach (var write in writers) write(csv, row);
            csv.EndRecord();
        }
    }

    /// <summary>
    /// The column's values by row position, missing as null: read once through the series' observations (its present
    /// values in row order), since a lookup per cell through a joined frame's index cost more than the rest of the write.
    /// </summary>
    private static T?[] Values<T>(Frame<int, string> frame, string name, int rows) where T : struct
    {
        var values = new T?[rows];
        foreach (var o in frame.GetColumn<T>(name).Observations) values[o.Key] = o.Value;
        return values;
    }

    private static Action<CsvHelper.CsvWriter, int> Writer(Frame<int, string> frame, DatasetColumn column, int rows)
    {
        switch (column.Kind)
        {
            case ColumnKind.Integer:
            {
                var values = Values<double>(frame, column.Name, rows);
                return (csv, row) =>
                {
                    if (values[row] is { } value && double.IsFinite(value)) CsvFiles.Count(csv, (int)value);
                    else csv.WriteField(ReadOnlySpan<byte>.Empty);
                };
            }
            case ColumnKind.Number:
            {
                var values = Values<double>(frame, column.Name, rows);
                return (csv, row) => CsvFiles.Number(csv, values[row]);
            }
            case ColumnKind.Boolean:
            {
                var values = Values<bool>(frame, column.Name, rows);
                return (csv, row) =>
                {
                    if (values[row] is { } value) CsvFiles.Bool(csv, value);
                    else csv.WriteField(ReadOnlySpan<byte>.Empty);
                };
            }
            default:
            {
                var values = new string?[rows];
                foreach (var o in frame.GetColumn<string>(column.Name).Observations) values[o.Key] = o.Value;
                return (csv, row) => csv.WriteField(values[row] ?? "");
            }
        }
    }
}
