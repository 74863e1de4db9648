using System.Text;
using Monitoring.Analysis.Datasets.Tables;

namespace Monitoring.Analysis.Datasets.Scripts;

/// <summary>
/// load.do: a Stata do-file (Stata 14 or later) that imports every table from the current folder with typed columns,
/// labels every variable and value in the run's language (items by their answers, waves and roles as labelled
/// numbers; other ids stay strings), turns timestamps into %tc date-times in UTC and booleans into 0/1, and saves
/// each table as a .dta file beside its CSV.
/// </summary>
internal static class StataDo
{
    /// <summary>Stata keeps variable labels up to 80 characters.</summary>
    private const int VariableLabelLength = 80;

    public static void Write(string path, IReadOnlyList<DatasetTable> tables, string language)
    {
        var s = new StringBuilder();
        s.Append("* Loads the Monitoring datasets with variable and value labels (").Append(language).Append(") and saves them as .dta files.\n");
        s.Append("* Run it with the datasets folder as the working directory: cd \"folder\", then do load.do (Stata 14 or later).\n");
        s.Append("* Timestamps are %tc in UTC. Booleans are 0 = false, 1 = true. The last table loaded is responses.\n");
        s.Append("version 14\n");
        s.Append("label define monitoring_bool 0 \"false\" 1 \"true\", replace\n\n");
        foreach (var table in tables.Where(t => t.Name != "responses").Append(tables.Single(t => t.Name == "responses")))
        {
            var columns = table.Columns;
            var strings = Positions(columns, c => c.Kind is ColumnKind.Text or ColumnKind.Code or ColumnKind.Timestamp or ColumnKind.Boolean);
            var numbers = Positions(columns, c => c.Kind is ColumnKind.Item or ColumnKind.Integer or ColumnKind.Number);
            s.Append("* ").Append(table.Csv).Append(": one row is ").Append(Line(table.Rows)).Append('\n');
            s.Append("import delimited using \"").Append(table.Csv).Append("\", clear varnames(1) case(preserve) encoding(\"utf-8\") delimiters(\",\") bindquote(strict)");
            if (strings.Length > 0) s.Append(" stringcols(").Append(strings).Append(')');
            if (numbers.Length > 0) s.Append(" numericcols(").Append(numbers).Append(')');
            s.Append('\n');
            foreach (var c in columns)
            {
                var v = c.Name;
                switch (c.Kind)
                {
                    case ColumnKind.Timestamp:
                        s.Append("generate double ").Append(v).Append("_utc = clock(subinstr(substr(").Append(v).Append(", 1, 19), \"T\", \" \", 1), \"YMDhms\") - cond(substr(")
                         .Append(v).Append(", 20, 1) == \"-\", -1, 1) * (real(substr(").Append(v).Append(", 21, 2)) * 3600000 + real(substr(").Append(v).Append(", 24, 2)) * 60000)\n");
                        s.Append("drop ").Append(v).Append("\nrename ").Append(v).Append("_utc ").Append(v).Append("\nformat ").Append(v).Append(" %tc\n");
                        break;
                    case ColumnKind.Boolean:
                        s.Append("generate byte ").Append(v).Append("_01 = cond(").Append(v).Append(" == \"true\", 1, cond(").Append(v).Append(" == \"false\", 0, .))\n");
                        s.Append("drop ").Append(v).Append("\nrename ").Append(v).Append("_01 ").Append(v).Append("\nlabel values ").Append(v).Append(" monitoring_bool\n");
                        break;
                    case ColumnKind.Code when c.ShowLabels:
                        s.Append("generate int ").Append(v).Append("_code = .\n");
                        for (var i = 0; i < c.ValueLabels.Count; i++)
                            s.Append("replace ").Append(v).Append("_code = ").Append(i + 1).Append(" if ").Append(v).Append(" == ").Append(Quote(c.ValueLabels[i].Code)).Append('\n');
                        s.Append("drop ").Append(v).Append("\nrename ").Append(v).Append("_code ").Append(v).Append('\n');
                        s.Append("label define ").Append(v).Append(string.Concat(c.ValueLabels.Select((l, i) => $" {i + 1} {Quote(l.Text.In(language))}"))).Append(", replace\n");
                        s.Append("label values ").Append(v).Append(' ').Append(v).Append('\n');
                        break;
                    case ColumnKind.Item:
                        s.Append("label define ").Append(v).Append(string.Concat(c.ValueLabels.Select(l => $" {l.Code} {Quote(l.Text.In(language))}"))).Append(", replace\n");
                        s.Append("label values ").Append(v).Append(' ').Append(v).Append('\n');
                        break;
                }
                s.Append("label variable ").Append(v).Append(' ').Append(Quote(Cut(c.Label.In(language), VariableLabelLength))).Append('\n');
            }
            s.Append("order ").Append(string.Join(" ", columns.Select(c => c.Name))).Append('\n');
            s.Append("label data ").Append(Quote(Cut(table.Title.In(language), VariableLabelLength))).Append('\n');
            s.Append("compress\n");
            s.Append("save \"").Append(table.Name).Append(".dta\", replace\n\n");
        }
        File.WriteAllText(path, s.ToString(), new UTF8Encoding(false));
    }

    /// <summary>The 1-based positions of the matching columns as a Stata numlist.</summary>
    private static string Positions(IReadOnlyList<DatasetColumn> columns, Func<DatasetColumn, bool> match) =>
        string.Join(" ", columns.Select((c, i) => (c, i)).Where(x => match(x.c)).Select(x => x.i + 1));

    private static string Line(string text) => text.Replace("\n", " ", StringComparison.Ordinal);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>
    /// A Stata compound-quoted string: `"..."' holds any double quote; a backtick or dollar sign would start a macro,
    /// so they are replaced by a quote and an escaped dollar.
    /// </summary>
    internal static string Quote(string text) =>
        "`\"" + text.Replace("\n", " ", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal) + "\"'";
}
