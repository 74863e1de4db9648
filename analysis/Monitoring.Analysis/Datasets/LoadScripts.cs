using System.Globalization;
using System.Text;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets;

/// <summary>load.R and load.sps: scripts that read responses.csv and panel_wide.csv with variable and value labels.</summary>
internal static class LoadScripts
{
    public static void WriteR(string path, Study study)
    {
        var variables = Codebook.Variables(study);
        var r = new StringBuilder();
        r.Append("# Loads the Monitoring datasets with their labels. Base R only; the attributes \"label\" and \"labels\"\n");
        r.Append("# follow the convention of the haven and labelled packages, which show them if installed.\n");
        r.Append("# Usage: source(\"load.R\") in the datasets folder, or set monitoring_dir first.\n\n");
        r.Append("monitoring_dir <- if (exists(\"monitoring_dir\")) monitoring_dir else \".\"\n");
        r.Append("read_monitoring <- function(name) read.csv(file.path(monitoring_dir, name), na.strings = \"\", encoding = \"UTF-8\", stringsAsFactors = FALSE, check.names = FALSE)\n\n");
        r.Append("responses <- read_monitoring(\"responses.csv\")\n");
        r.Append("responses$wave <- factor(responses$wave, levels = c(").Append(string.Join(", ", study.Waves.Select(w => Quote(w.Id.Value)))).Append("))\n");
        r.Append("responses$role <- factor(responses$role, levels = c(").Append(string.Join(", ", study.Roles.Select(x => Quote(x.Id.Value))))
         .Append("), labels = c(").Append(string.Join(", ", study.Roles.Select(x => Quote(x.Name.Nl)))).Append("))\n");
        foreach (var v in variables.Where(v => v.Dataset == "responses"))
        {
            r.Append("attr(responses[[").Append(Quote(v.Name)).Append("]], \"label\") <- ").Append(Quote(v.LabelNl)).Append('\n');
            if (v.ValueLabels.Count > 0)
                r.Append("attr(responses[[").Append(Quote(v.Name)).Append("]], \"labels\") <- c(")
                 .Append(string.Join(", ", v.ValueLabels.Select(l => $"{Quote(l.Text.Nl)} = {l.Value.ToString(CultureInfo.InvariantCulture)}"))).Append(")\n");
        }
        r.Append("\npanel_wide <- read_monitoring(\"panel_wide.csv\")\n");
        foreach (var v in variables.Where(v => v.Dataset == "panel_wide"))
            r.Append("if (").Append(Quote(v.Name)).Append(" %in% names(panel_wide)) attr(panel_wide[[").Append(Quote(v.Name)).Append("]], \"label\") <- ").Append(Quote(v.LabelNl)).Append('\n');
        r.Append("\naggregates <- read_monitoring(\"aggregates.csv\")\nreliability <- read_monitoring(\"reliability.csv\")\nitem_statistics <- read_monitoring(\"item_statistics.csv\")\n");
        r.Append("change <- read_monitoring(\"change.csv\")\nicc <- read_monitoring(\"icc.csv\")\nresponse_rates <- read_monitoring(\"response_rates.csv\")\ncleaning_log <- read_monitoring(\"cleaning_log.csv\")\n");
        File.WriteAllText(path, r.ToString(), new UTF8Encoding(false));

        static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    public static void WriteSps(string path, Study study)
    {
        var variables = Codebook.Variables(study).Where(v => v.Dataset == "responses").ToArray();
        var s = new StringBuilder();
        s.Append("* Loads responses.csv of a Monitoring run with variable and value labels.\n");
        s.Append("* Set the folder below to where the datasets are, then run all.\n");
        s.Append("FILE HANDLE monitoring /NAME='.'.\n");
        s.Append("GET DATA /TYPE=TXT /FILE='monitoring/responses.csv' /ENCODING='UTF8'\n  /DELCASE=LINE /DELIMITERS=\",\" /QUALIFIER='\"' /ARRANGEMENT=DELIMITED /FIRSTCASE=2\n  /VARIABLES=\n");
        foreach (var v in variables)
            s.Append("    ").Append(v.Name).Append(' ').Append(v.Type switch
            {
                "integer" => "F4.0",
                "numeric" => "F10.6",
                "datetime" => "A25",
                _ => "A64",
            }).Append('\n');
        s.Append(".\nVARIABLE LABELS\n");
        s.Append(string.Join("\n", variables.Select(v => $"  {v.Name} '{Sps(v.LabelNl)}'"))).Append(".\n");
        var labelled = variables.Where(v => v.ValueLabels.Count > 0).ToArray();
        if (labelled.Length > 0)
        {
            s.Append("VALUE LABELS\n");
            s.Append(string.Join("\n  /", labelled.Select(v => $"  {v.Name} " + string.Join(" ", v.ValueLabels.Select(l => $"{l.Value.ToString(CultureInfo.InvariantCulture)} '{Sps(l.Text.Nl)}'"))))).Append(".\n");
        }
        s.Append("VARIABLE LEVEL ").Append(string.Join(" ", variables.Where(v => v.Type == "integer").Select(v => v.Name))).Append(" (ORDINAL).\n");
        s.Append("EXECUTE.\n");
        File.WriteAllText(path, s.ToString(), new UTF8Encoding(false));

        static string Sps(string text) => text.Replace("'", "''", StringComparison.Ordinal);
    }
}
