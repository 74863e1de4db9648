using System.Text;

namespace Monitoring.Tests.Shared;

/// <summary>
/// A CSV output read back for assertions: a small RFC 4180 parser of its own (quotes, doubled
/// quotes, "\n" line ends), independent of the CsvHelper writer that produced the file.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public static CsvTable Read(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Parses <paramref name="text"/>; throws when a record's field count differs from the header's.</summary>
    public static CsvTable Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    any = false;
                    break;
                case '\r': throw new FormatException($"A CR outside quotes at character {i}: outputs end lines with \\n only.");
                default: field.Append(c); any = true; break;
            }
        }
        if (any || field.Length > 0) throw new FormatException("The last record does not end with \\n.");
        if (records.Count == 0) throw new FormatException("No header.");
        var header = records[0];
        for (var r = 1; r < records.Count; r++)
            if (records[r].Length != header.Length)
                throw new FormatException($"Record {r + 1} has {records[r].Length} fields; the header has {header.Length}.");
        return new CsvTable(header, records.Skip(1).ToList());
    }

    public int Column(string name)
    {
        var index = Array.IndexOf(Header, name);
        return index >= 0 ? index : throw new KeyNotFoundException($"No column '{name}' in {string.Join(",", Header)}.");
    }

    /// <summary>The rows whose columns equal the given values, e.g. ("level", "school"), ("unit", "x").</summary>
    public IReadOnlyList<string[]> Where(params (string Column, string Value)[] conditions) =>
        Rows.Where(row => conditions.All(c => row[Column(c.Column)] == c.Value)).ToList();

    /// <summary>The one row matching <paramref name="conditions"/>.</summary>
    public Row Single(params (string Column, string Value)[] conditions)
    {
        var rows = Where(conditions);
        if (rows.Count != 1) throw new InvalidOperationException($"{rows.Count} rows match {string.Join(", ", conditions)}.");
        return new Row(this, rows[0]);
    }

    public sealed class Row(CsvTable table, string[] values)
    {
        public string this[string column] => values[table.Column(column)];

        public double Number(string column) => double.Parse(this[column], System.Globalization.CultureInfo.InvariantCulture);

        public string[] Values => values;
    }
}
