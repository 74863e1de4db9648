using System.Text;
using Monitoring.Analysis.Datasets.Tables;

namespace Monitoring.Analysis.Datasets.Scripts;

/// <summary>
/// load.sps: SPSS syntax (runs in PSPP too) that reads every table from the current folder with typed columns, labels
/// every variable and value in the run's language (ids by their names, items by their answers), turns timestamps into
/// date-times in UTC and booleans into 0/1 with labels, and saves each table as a .sav file beside its CSV.
/// </summary>
internal static class SpssSyntax
{
    /// <summary>SPSS keeps value labels up to 120 bytes and variable labels up to 255.</summary>
    private const int ValueLabelBytes = 120;
    private const int VariableLabelBytes = 255;

    public static void Write(string path, IReadOnlyList<DatasetTable> tables, string language)
    {
        var s = new StringBuilder();
        s.Append("* Loads the Monitoring datasets with variable and value labels (").Append(language).Append(") and saves them as .sav files.\n");
        s.Append("* Run it with the datasets folder as the working directory (pspp load.sps, or CD 'folder'. first in SPSS).\n");
        s.Append("* Timestamps are in UTC. Booleans are 0 = false, 1 = true. The last table loaded is responses.\n\n");
        s.Append("SET DECIMAL=DOT.\n\n");
        foreach (var table in tables)
        {
            var columns = table.Columns;
            s.Append("* ").Append(table.Csv).Append(": one row is ").Append(Comment(table.Rows)).Append(".\n");
            s.Append("GET DATA /TYPE=TXT /FILE='").Append(table.Csv).Append("' /ENCODING='UTF8'\n  /DELCASE=LINE /DELIMITERS=\",\" /QUALIFIER='\"' /ARRANGEMENT=DELIMITED /FIRSTCASE=2\n  /VARIABLES=\n");
            foreach (var c in columns)
                s.Append("    ").Append(ReadName(c)).Append(' ').Append(c.Kind switch
                {
                    ColumnKind.Item or ColumnKind.Integer => "F8.0",
                    ColumnKind.Number => "F12.6",
                    ColumnKind.Timestamp => "A25",
                    ColumnKind.Boolean => "A5",
                    _ => $"A{c.Width}",
                }).Append('\n');
            s.Append(".\n");
            foreach (var c in columns.Where(c => c.Kind == ColumnKind.Timestamp))
            {
                var t = ReadName(c);
                string Part(int start, int length) => $"NUMBER(SUBSTR({t},{start},{length}),F{length}.0)";
                s.Append("NUMERIC ").Append(c.Name).Append(" (DATETIME20).\n");
                s.Append("COMPUTE ").Append(c.Name).Append(" = DATE.MDY(").Append(Part(6, 2)).Append(", ").Append(Part(9, 2)).Append(", ").Append(Part(1, 4)).Append(")\n")
                 .Append("  + TIME.HMS(").Append(Part(12, 2)).Append(", ").Append(Part(15, 2)).Append(", ").Append(Part(18, 2)).Append(")\n")
                 .Append("  - (1 - 2 * (SUBSTR(").Append(t).Append(",20,1) = '-')) * TIME.HMS(").Append(Part(21, 2)).Append(", ").Append(Part(24, 2)).Append(", 0).\n");
            }
            foreach (var c in columns.Where(c => c.Kind == ColumnKind.Boolean))
            {
                s.Append("NUMERIC ").Append(c.Name).Append(" (F1.0).\n");
                s.Append("RECODE ").Append(ReadName(c)).Append(" ('true'=1) ('false'=0) INTO ").Append(c.Name).Append(".\n");
            }
            var converted = columns.Where(Converted).Select(ReadName).ToArray();
            if (converted.Length > 0)
            {
                s.Append("EXECUTE.\n");
                s.Append("DELETE VARIABLES ").Append(string.Join(" ", converted)).Append(".\n");
            }
            s.Append("MATCH FILES /FILE=* /KEEP=").Append(string.Join(" ", columns.Select(c => c.Name))).Append(".\n");
            s.Append("VARIABLE LABELS\n").Append(string.Join("\n", columns.Select(c => $"  {c.Name} '{Text(c.Label.In(language), VariableLabelBytes)}'"))).Append(".\n");
            var labelled = columns.Where(c => c.ValueLabels.Count > 0 || c.Kind == ColumnKind.Boolean).ToArray();
            if (labelled.Length > 0)
            {
                s.Append("VALUE LABELS\n");
                s.Append(string.Join("\n  /", labelled.Select(c => $"  {c.Name}" + (c.Kind == ColumnKind.Boolean ? " 0 'false' 1 'true'"
                    : string.Concat(c.ValueLabels.Select(l => c.Kind == ColumnKind.Item ? $"\n    {l.Code} '{Text(l.Text.In(language), ValueLabelBytes)}'" : $"\n    '{Text(l.Code, c.Width)}' '{Text(l.Text.In(language), ValueLabelBytes)}'"))))));
                s.Append(".\n");
            }
            Level(s, columns, ColumnKind.Item, "ORDINAL");
            Level(s, columns, ColumnKind.Number, "SCALE");
            Level(s, columns, ColumnKind.Integer, "SCALE");
            s.Append("SAVE OUTFILE='").Append(table.Name).Append(".sav'.\n\n");
        }
        s.Append("GET FILE='responses.sav'.\n");
        s.Append("DATASET NAME responses.\n");
        File.WriteAllText(path, s.ToString(), new UTF8Encoding(false));
    }

    private static bool Converted(DatasetColumn c) => c.Kind is ColumnKind.Timestamp or ColumnKind.Boolean;

    /// <summary>The name a column is read under: converted columns are read as text under another name first.</summary>
    private static string ReadName(DatasetColumn c) => Converted(c) ? c.Name + "_text" : c.Name;

    private static void Level(StringBuilder s, IReadOnlyList<DatasetColumn> columns, ColumnKind kind, string level)
    {
        var names = columns.Where(c => c.Kind == kind).Select(c => c.Name).ToArray();
        if (names.Length > 0) s.Append("VARIABLE LEVEL ").Append(string.Join(" ", names)).Append(" (").Append(level).Append(").\n");
    }

    private static string Comment(string text) => text.Replace(".", ",", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>A quoted SPSS string's content: quotes doubled, cut to whole characters within <paramref name="bytes"/> UTF-8 bytes.</summary>
    internal static string Text(string text, int bytes)
    {
        text = text.Replace("\n", " ", StringComparison.Ordinal);
        if (Encoding.UTF8.GetByteCount(text) > bytes)
        {
            var cut = text.Length;
            while (cut > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, cut)) > bytes - 3) cut--;
            if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
            text = text[..cut] + "…";
        }
        return text.Replace("'", "''", StringComparison.Ordinal);
    }
}
