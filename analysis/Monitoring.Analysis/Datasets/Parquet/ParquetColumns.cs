using System.Text;
using System.Text.Json;
using Monitoring.Analysis.Datasets.Tables;
using Parquet;
using Parquet.Schema;

namespace Monitoring.Analysis.Datasets.Parquet;

/// <summary>
/// The Parquet side of a table's description: the field of each column (int32, double, boolean, UTC timestamps,
/// strings that Parquet.Net dictionary-encodes when they repeat, nullable where a field can be empty) and the file's
/// key-value metadata, which holds the codebook's entries for the table.
/// </summary>
internal static class ParquetColumns
{
    /// <summary>Rows per row group: bounds the memory of the large tables; small tables are one group.</summary>
    public const int RowGroup = 1 << 17;

    /// <summary>
    /// Snappy pages; ids (<see cref="ColumnKind.Code"/>) always dictionary-encoded, other text when it repeats enough;
    /// integers delta-encoded (answers of 0–6 then take a few bits each: measured, a third of plain's time and size).
    /// </summary>
    public static ParquetOptions Options(IReadOnlyList<DataField> fields, IReadOnlyList<DatasetColumn?> columns)
    {
        // Text that is not an id (response ids, linkage codes, names) is judged for a dictionary on a sample: a full
        // scan of a column of unique codes cost more than writing it.
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, DictionaryEncodingSampleSize = 4096 };
        for (var i = 0; i < fields.Count; i++)
            if (columns[i]?.Kind == ColumnKind.Code) options.ColumnEncodingHints[fields[i].Path.ToString()] = EncodingHint.Dictionary;
            else if (columns[i]?.Kind is ColumnKind.Item or ColumnKind.Integer) options.ColumnEncodingHints[fields[i].Path.ToString()] = EncodingHint.DeltaBinaryPacked;
        return options;
    }

    public static DataField Field(DatasetColumn? column, string name, bool nullable) => column?.Kind switch
    {
        ColumnKind.Item or ColumnKind.Integer => nullable ? new DataField<int?>(name) : new DataField<int>(name),
        ColumnKind.Number => nullable ? new DataField<double?>(name) : new DataField<double>(name),
        ColumnKind.Boolean => nullable ? new DataField<bool?>(name) : new DataField<bool>(name),
        ColumnKind.Timestamp => new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: nullable),
        _ => new DataField<string>(name, nullable: true),
    };

    /// <summary>Whether the column may be null: where its description allows an empty field.</summary>
    public static bool Nullable(DatasetColumn column) => column.Missing != "never empty";

    /// <summary>The file's key-value metadata: the table, the run's language, and the codebook's entries as JSON.</summary>
    public static Dictionary<string, string> Metadata(DatasetTable table, string language)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var c in table.Columns)
            {
                json.WriteStartObject();
                json.WriteString("name", c.Name);
                json.WriteString("type", c.TypeName);
                json.WriteString("label_nl", c.Label.Nl);
                json.WriteString("label_en", c.Label.En ?? c.Label.Nl);
                json.WriteString("unit", c.Unit);
                json.WriteString("values", c.Values);
                json.WriteString("missing", c.Missing);
                if (c.ValueLabels.Count > 0)
                {
                    json.WriteStartArray("value_labels");
                    foreach (var l in c.ValueLabels)
                    {
                        json.WriteStartObject();
                        json.WriteString("value", l.Code);
                        json.WriteString("label_nl", l.Text.Nl);
                        json.WriteString("label_en", l.Text.En ?? l.Text.Nl);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["monitoring.table"] = table.Name,
            ["monitoring.title"] = table.Title.In(language),
            ["monitoring.rows"] = table.Rows,
            ["monitoring.language"] = language,
            ["monitoring.codebook"] = Encoding.UTF8.GetString(buffer.ToArray()),
        };
    }
}
