using System.Text;
using Monitoring.Analysis.Datasets.Tables;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets;

/// <summary>
/// The codebook of every dataset (<see cref="DatasetTables"/>): every column of every file with its labels (nl, en),
/// type, unit, values and value labels, scale membership, reverse keying and what an empty field means. Written as
/// CSV and as Markdown into the datasets folder.
/// </summary>
internal static class Codebook
{
    /// <summary>At most this many value labels per column in codebook.md (codebook.csv has all).</summary>
    private const int ShownLabels = 12;

    public static void WriteCsv(string path, IReadOnlyList<DatasetTable> tables)
    {
        using var csv = CsvFiles.Create(path);
        CsvFiles.Header(csv, "dataset", "variable", "label_nl", "label_en", "type", "values", "value_labels", "scales", "reverse_keyed", "missing", "unit");
        foreach (var table in tables)
            foreach (var v in table.Columns)
            {
                csv.WriteField(table.Name);
                csv.WriteField(v.Name);
                csv.WriteField(v.Label.Nl);
                csv.WriteField(v.Label.En ?? "");
                csv.WriteField(v.TypeName);
                csv.WriteField(v.Values);
                csv.WriteField(string.Join("; ", v.ValueLabels.Select(l => $"{l.Code} = {l.Text.Nl}" + (l.Text.En is null ? "" : $" / {l.Text.En}"))));
                csv.WriteField(v.Scales);
                CsvFiles.Bool(csv, v.ReverseKeyed);
                csv.WriteField(v.Missing);
                csv.WriteField(v.Unit);
                csv.EndRecord();
            }
    }

    public static void WriteMarkdown(string path, Study study, string definitionHash, IReadOnlyList<DatasetTable> tables)
    {
        var md = new StringBuilder();
        md.Append("# Codebook: ").Append(study.Name.Nl).Append("\n\n");
        md.Append("Study `").Append(study.Id.Value).Append("`, definition hash `").Append(definitionHash).Append("`.\n\n");
        md.Append("Every table is here twice: as UTF-8 CSV (RFC 4180, comma, `\\n`; an empty field is missing; text that starts with `=`, `+`, `-`, `@`, a tab or CR is prefixed with `'` so that spreadsheets show it as text) ");
        md.Append("and as Parquet (`.parquet`: typed columns, timestamps in UTC, missing values as nulls, this codebook's entries in the file's key-value metadata). ");
        md.Append("`load.R` (R), `load.sps` (SPSS, PSPP) and `load.do` (Stata) load every table with its labels; run them from this folder. ");
        md.Append("Timestamps are converted to UTC by the load scripts and in Parquet. ");
        md.Append("**Reverse-keyed items are recoded** in `responses.csv` (x' = min + max − x): high values always mean more of the construct, and their value labels below are listed as recoded.\n\n");
        foreach (var instrument in study.Instruments)
            if (instrument.Notice is { } notice) md.Append("> ").Append(instrument.Id.Value).Append(": ").Append(notice).Append("\n\n");
        md.Append("## Tables\n\n| file | what | one row is |\n|---|---|---|\n");
        foreach (var t in tables) md.Append("| `").Append(t.Csv).Append("` | ").Append(Cell(t.Title.En ?? t.Title.Nl)).Append(" | ").Append(Cell(t.Rows)).Append(" |\n");
        md.Append('\n');
        foreach (var table in tables)
        {
            md.Append("## ").Append(table.Csv).Append(" (").Append(table.Parquet).Append(")\n\n");
            md.Append(Cell(table.Title.Nl)).Append(" / ").Append(Cell(table.Title.En ?? "")).Append(". One row is ").Append(Cell(table.Rows)).Append(".\n\n");
            md.Append("| variable | label (nl) | label (en) | type | unit | values | scales | reverse-keyed | missing (empty field) |\n|---|---|---|---|---|---|---|---|---|\n");
            foreach (var v in table.Columns)
            {
                var labels = v.ValueLabels.Take(ShownLabels).Select(l => $"{l.Code} = {l.Text.Nl}" + (l.Text.En is null || l.Text.En == l.Text.Nl ? "" : $" / {l.Text.En}"));
                var values = v.ValueLabels.Count == 0 ? v.Values
                    : $"{v.Values}: " + string.Join("; ", labels) + (v.ValueLabels.Count > ShownLabels ? $"; … ({v.ValueLabels.Count} in all, see codebook.csv)" : "");
                md.Append("| `").Append(v.Name).Append("` | ").Append(Cell(v.Label.Nl)).Append(" | ").Append(Cell(v.Label.En ?? "")).Append(" | ").Append(v.TypeName)
                  .Append(" | ").Append(Cell(v.Unit)).Append(" | ").Append(Cell(values)).Append(" | ").Append(Cell(v.Scales)).Append(" | ")
                  .Append(v.ReverseKeyed ? "yes" : "").Append(" | ").Append(Cell(v.Missing)).Append(" |\n");
            }
            md.Append('\n');
        }
        File.WriteAllText(path, md.ToString(), new UTF8Encoding(false));

        static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }
}
