using Monitoring.Analysis.Datasets.Tables;

namespace Monitoring.Analysis.Datasets.Shaping;

/// <summary>Writes the columns of a Deedle frame (<see cref="FrameColumns"/>) as a CSV of the common dialect, in the order of a table's description.</summary>
internal static class FrameCsv
{
    public static void Write(string path, Array[] columns, DatasetTable table)
    {
        using var csv = CsvFiles.Create(path);
        foreach (var column in table.Columns) csv.WriteField(column.Name);
        csv.EndRecord();
        var rows = columns.Length == 0 ? 0 : columns[0].Length;
        var writers = columns.Select(Writer).ToArray();
        for (var row = 0; row < rows; row++)
        {
            foreach (var write in writers) write(csv, row);
            csv.EndRecord();
        }
    }

    private static Action<CsvHelper.CsvWriter, int> Writer(Array column) => column switch
    {
        int?[] values => (csv, row) =>
        {
            if (values[row] is { } value) CsvFiles.Count(csv, value);
            else csv.WriteField(ReadOnlySpan<byte>.Empty);
        },
        // Already rounded to the 8 digits that Number writes: rounding again gives the same value.
        double?[] values => (csv, row) => CsvFiles.Number(csv, values[row]),
        bool?[] values => (csv, row) =>
        {
            if (values[row] is { } value) CsvFiles.Bool(csv, value);
            else csv.WriteField(ReadOnlySpan<byte>.Empty);
        },
        string?[] values => (csv, row) => csv.WriteField(values[row] ?? ""),
        _ => throw new ArgumentException($"No CSV writer for a column of {column.GetType().Name}.", nameof(column)),
    };
}
