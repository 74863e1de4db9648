using System.Globalization;
using System.Text;
using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets;

/// <summary>
/// The codebook of responses.csv and panel_wide.csv: every variable's name, labels (nl, en), type,
/// values and value labels, scale membership, reverse keying and missing code. Written as CSV and as
/// Markdown; the R and SPSS load scripts are generated from the same entries.
/// </summary>
internal static class Codebook
{
    internal sealed record Variable(string Dataset, string Name, string LabelNl, string LabelEn, string Type, string Values,
        IReadOnlyList<ResponseLabel> ValueLabels, string Scales, bool ReverseKeyed, string Missing);

    public static IReadOnlyList<Variable> Variables(Study study)
    {
        var list = new List<Variable>
        {
            Fixed("response_id", "Antwoord-id", "Response id", "string", "submission id from the questionnaire page or the raw file"),
            Fixed("school", "School", "School", "categorical", string.Join(", ", study.Schools.Take(3).Select(s => s.Id.Value)) + (study.Schools.Count > 3 ? ", …" : "") + " (organisation.json)"),
            Fixed("network", "Netwerk", "Network", "categorical", "network ids (organisation.json)"),
            Fixed("trajectory", "Traject", "Trajectory", "categorical", string.Join(", ", study.Trajectories.Select(t => t.Id.Value))),
            Fixed("wave", "Meetmoment", "Wave", "categorical", string.Join(", ", study.Waves.Select(w => $"{w.Id} = {w.Name.Nl}"))),
            Fixed("role", "Functie", "Role", "categorical", string.Join(", ", study.Roles.Select(r => $"{r.Id} = {r.Name.Nl}"))),
            Fixed("linkage_code", "Koppelcode (gehasht)", "Linkage code (keyed hash)", "string", "pseudonymous code linking a respondent across waves; empty when not given"),
            Fixed("started", "Gestart", "Started", "datetime", "ISO 8601 with offset"),
            Fixed("submitted", "Ingediend", "Submitted", "datetime", "ISO 8601 with offset"),
            Fixed("language", "Taal", "Language", "categorical", "nl, en"),
        };
        foreach (var item in study.Items)
        {
            var scales = string.Join(" ", study.Scales.Where(s => s.Items.Contains(item.Id)).Select(s => s.Id.Value));
            var labels = item.IsReverseKeyed
                ? item.Format.Labels.Select(l => l with { Value = item.Format.Min + item.Format.Max - l.Value }).OrderBy(l => l.Value).ToArray()
                : item.Format.Labels;
            list.Add(new Variable("responses", item.Id.Value, item.Text.Nl, item.Text.En ?? "", "integer",
                $"{item.Format.Min}..{item.Format.Max}", labels, scales, item.IsReverseKeyed, "empty = not answered"));
        }
        foreach (var scale in study.Scales)
        {
            var range = study.FindItem(scale.Items[0])!.Format;
            var factor = scale.Scoring == ScoringMethod.Sum ? scale.Items.Count : 1;
            list.Add(new Variable("responses", scale.Id.Value, scale.Name.Nl, scale.Name.En ?? "", "numeric",
                $"{range.Min * factor}..{range.Max * factor}", [], scale.Parent?.Value ?? "", false,
                $"empty = fewer than {scale.MinAnsweredItems} of {scale.Items.Count} items answered"));
        }
        foreach (var scale in study.Scales)
            foreach (var wave in study.Waves)
                list.Add(new Variable("panel_wide", DatasetColumns.PanelScore(scale.Id.Value, wave.Id.Value),
                    $"{scale.Name.Nl} ({wave.Id})", $"{scale.Name.En ?? scale.Name.Nl} ({wave.Id})", "numeric", "", [], scale.Id.Value, false, "empty = no score in that wave"));
        return list;

        static Variable Fixed(string name, string nl, string en, string type, string values) =>
            new("responses", name, nl, en, type, values, [], "", false, name is "linkage_code" ? "empty = not given" : "never empty");
    }

    public static void WriteCsv(string path, Study study)
    {
        using var csv = CsvFiles.Create(path);
        CsvFiles.Header(csv, "dataset", "variable", "label_nl", "label_en", "type", "values", "value_labels", "scales", "reverse_keyed", "missing");
        foreach (var v in Variables(study))
        {
            csv.WriteField(v.Dataset);
            csv.WriteField(v.Name);
            csv.WriteField(v.LabelNl);
            csv.WriteField(v.LabelEn);
            csv.WriteField(v.Type);
            csv.WriteField(v.Values);
            csv.WriteField(string.Join("; ", v.ValueLabels.Select(l => $"{l.Value.ToString(CultureInfo.InvariantCulture)} = {l.Text.Nl}" + (l.Text.En is null ? "" : $" / {l.Text.En}"))));
            csv.WriteField(v.Scales);
            CsvFiles.Bool(csv, v.ReverseKeyed);
            csv.WriteField(v.Missing);
            csv.EndRecord();
        }
    }

    public static void WriteMarkdown(string path, Study study, string definitionHash)
    {
        var md = new StringBuilder();
        md.Append("# Codebook: ").Append(study.Name.Nl).Append("\n\n");
        md.Append("Study `").Append(study.Id.Value).Append("`, definition hash `").Append(definitionHash).Append("`.\n\n");
        md.Append("All files are UTF-8 CSV (RFC 4180, comma, `\\n`). An empty field is missing. Text that starts with `=`, `+`, `-`, `@`, a tab or CR is prefixed with `'` so that spreadsheets show it as text. ");
        md.Append("**Reverse-keyed items are recoded** in `responses.csv` (x' = min + max − x): high values always mean more of the construct, and their value labels below are listed as recoded.\n\n");
        foreach (var instrument in study.Instruments)
            if (instrument.Notice is { } notice) md.Append("> ").Append(instrument.Id.Value).Append(": ").Append(notice).Append("\n\n");
        foreach (var group in Variables(study).GroupBy(v => v.Dataset))
        {
            md.Append("## ").Append(group.Key).Append(".csv\n\n");
            md.Append("| variable | label (nl) | label (en) | type | values | scales | reverse-keyed | missing |\n|---|---|---|---|---|---|---|---|\n");
            foreach (var v in group)
            {
                var values = v.ValueLabels.Count == 0 ? v.Values : $"{v.Values}: " + string.Join("; ", v.ValueLabels.Select(l => $"{l.Value} = {l.Text.Nl}"));
                md.Append("| `").Append(v.Name).Append("` | ").Append(Cell(v.LabelNl)).Append(" | ").Append(Cell(v.LabelEn)).Append(" | ").Append(v.Type)
                  .Append(" | ").Append(Cell(values)).Append(" | ").Append(Cell(v.Scales)).Append(" | ").Append(v.ReverseKeyed ? "yes" : "").Append(" | ").Append(Cell(v.Missing)).Append(" |\n");
            }
            md.Append('\n');
        }
        md.Append("## The other files\n\nSee `docs/formats.md` (\"Outputs\") for aggregates.csv, reliability.csv, item_statistics.csv, change.csv, icc.csv, response_rates.csv, cleaning_log.csv and the profile files.\n");
        File.WriteAllText(path, md.ToString(), new UTF8Encoding(false));

        static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }
}
