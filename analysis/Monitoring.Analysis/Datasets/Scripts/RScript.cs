using System.Text;
using Monitoring.Analysis.Datasets.Tables;

namespace Monitoring.Analysis.Datasets.Scripts;

/// <summary>
/// load.R: reads every table with typed columns (<see cref="DatasetTables"/>) and labels in the run's language: items
/// as haven labelled integers (attributes only when haven is not installed), ids as factors, waves and roles as
/// factors labelled with their names, timestamps as POSIXct in UTC, booleans as logical, and a "label" attribute on
/// every column, which haven's write_sav and write_dta keep.
/// </summary>
internal static class RScript
{
    public static void Write(string path, IReadOnlyList<DatasetTable> tables, string language)
    {
        var r = new StringBuilder();
        r.Append("# Loads the Monitoring datasets with their labels (").Append(language).Append("). Run it in the datasets folder:\n");
        r.Append("#   source(\"load.R\")  or  Rscript load.R   (or set monitoring_dir to the folder first).\n");
        r.Append("# Items become haven::labelled when the haven package is installed (then haven::as_factor() shows the answers\n");
        r.Append("# and haven::write_sav()/write_dta() keep every label); without haven they carry the same \"label\"/\"labels\" attributes.\n");
        r.Append("# Tables: ").Append(string.Join(", ", tables.Select(t => t.Name))).Append(".\n\n");
        r.Append("""
            monitoring_dir <- if (exists("monitoring_dir")) monitoring_dir else "."
            monitoring_haven <- requireNamespace("haven", quietly = TRUE)
            monitoring_read <- function(name, classes) {
              path <- file.path(monitoring_dir, name)
              header <- names(utils::read.csv(path, nrows = 1, check.names = FALSE, encoding = "UTF-8"))
              known <- classes[intersect(names(classes), header)]
              utils::read.csv(path, na.strings = "", encoding = "UTF-8", stringsAsFactors = FALSE, check.names = FALSE, colClasses = known)
            }
            monitoring_label <- function(x, label) { attr(x, "label") <- label; x }
            monitoring_factor <- function(x, levels, labels, label) monitoring_label(factor(x, levels = levels, labels = labels), label)
            monitoring_time <- function(x, label) monitoring_label(as.POSIXct(sub("([+-][0-9]{2}):([0-9]{2})$", "\\1\\2", x), format = "%Y-%m-%dT%H:%M:%S%z", tz = "UTC"), label)
            monitoring_item <- function(x, labels, label) {
              if (monitoring_haven) return(haven::labelled(x, labels = labels, label = label))
              attr(x, "labels") <- labels
              monitoring_label(x, label)
            }
            monitoring_set <- function(data, name, f) { if (name %in% names(data)) data[[name]] <- f(data[[name]]); data }


            """);
        foreach (var table in tables)
        {
            var t = table.Name;
            r.Append("# ").Append(table.Csv).Append(": one row is ").Append(table.Rows).Append(".\n");
            r.Append(t).Append(" <- monitoring_read(").Append(Quote(table.Csv)).Append(", c(")
             .Append(string.Join(", ", table.Columns.Select(c => $"{Quote(c.Name)} = {Quote(ClassOf(c))}"))).Append("))\n");
            foreach (var c in table.Columns)
            {
                var label = Quote(c.Label.In(language));
                var conversion = c.Kind switch
                {
                    ColumnKind.Code when c.ValueLabels.Count > 0 =>
                        $"monitoring_factor(x, c({string.Join(", ", c.ValueLabels.Select(l => Quote(l.Code)))}), " +
                        (c.ShowLabels ? $"c({string.Join(", ", c.ValueLabels.Select(l => Quote(l.Text.In(language))))})" : $"c({string.Join(", ", c.ValueLabels.Select(l => Quote(l.Code)))})") + $", {label})",
                    ColumnKind.Code => $"monitoring_label(factor(x), {label})",
                    ColumnKind.Item => $"monitoring_item(x, c({string.Join(", ", c.ValueLabels.Select(l => $"{Quote(l.Text.In(language))} = {l.Code}L"))}), {label})",
                    ColumnKind.Timestamp => $"monitoring_time(x, {label})",
                    _ => $"monitoring_label(x, {label})",
                };
                r.Append(t).Append(" <- monitoring_set(").Append(t).Append(", ").Append(Quote(c.Name)).Append(", function(x) ").Append(conversion).Append(")\n");
            }
            r.Append("attr(").Append(t).Append(", \"label\") <- ").Append(Quote(table.Title.In(language))).Append("\n\n");
        }
        r.Append("rm(monitoring_read, monitoring_label, monitoring_factor, monitoring_time, monitoring_item, monitoring_set)\n");
        File.WriteAllText(path, r.ToString(), new UTF8Encoding(false));
    }

    private static string ClassOf(DatasetColumn column) => column.Kind switch
    {
        ColumnKind.Item or ColumnKind.Integer => "integer",
        ColumnKind.Number => "numeric",
        ColumnKind.Boolean => "logical",
        _ => "character",
    };

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
