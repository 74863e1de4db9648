using Deedle;
using Monitoring.Analysis.Datasets.Tables;

namespace Monitoring.Analysis.Datasets.Shaping;

/// <summary>
/// The columns of a Deedle frame by row position, in the order and with the kinds of a table's description, as the
/// values its CSV holds: integers as <see cref="int"/>, numbers rounded as <see cref="CsvFiles.Number(CsvHelper.CsvWriter, double?)"/>
/// writes them, missing (and empty text) as null. Read once through each series' observations (its present values in
/// row order), since a lookup per cell through a joined frame's index cost more than the rest of the write. The CSV and
/// the Parquet file are both written from these arrays, so the Parquet file needs no reading of the CSV.
/// </summary>
internal static class FrameColumns
{
    public static Array[] Of(Frame<int, string> frame, DatasetTable table)
    {
        var rows = frame.RowCount;
        return [.. table.Columns.Select(c => Of(frame, c, rows))];
    }

    private static Array Of(Frame<int, string> frame, DatasetColumn column, int rows)
    {
        switch (column.Kind)
        {
            case ColumnKind.Integer:
            {
                var values = new int?[rows];
                foreach (var o in frame.GetColumn<double>(column.Name).Observations)
                    if (double.IsFinite(o.Value)) values[o.Key] = (int)o.Value;
                return values;
            }
            case ColumnKind.Number:
            {
                var values = new double?[rows];
                foreach (var o in frame.GetColumn<double>(column.Name).Observations)
                    if (double.IsFinite(o.Value)) values[o.Key] = CsvFiles.Significant(o.Value, 8);
                return values;
            }
            case ColumnKind.Boolean:
            {
                var values = new bool?[rows];
                foreach (var o in frame.GetColumn<bool>(column.Name).Observations) values[o.Key] = o.Value;
                return values;
            }
            default:
            {
                var values = new string?[rows];
                foreach (var o in frame.GetColumn<string>(column.Name).Observations) values[o.Key] = o.Value is "" ? null : o.Value;
                return values;
            }
        }
    }
}
