using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets.Tables;

/// <summary>One dataset: its file name (without extension), what it is, what one row is, and its columns in file order.</summary>
internal sealed record DatasetTable(string Name, LocalizedText Title, string Rows, IReadOnlyList<DatasetColumn> Columns)
{
    public string Csv => Name + ".csv";

    public string Parquet => Name + ".parquet";
}
