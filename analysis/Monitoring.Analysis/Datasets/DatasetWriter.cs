using Monitoring.Analysis.Datasets.Parquet;
using Monitoring.Analysis.Datasets.Scripts;
using Monitoring.Analysis.Datasets.Shaping;
using Monitoring.Analysis.Datasets.Tables;

namespace Monitoring.Analysis.Datasets;

/// <summary>Writes every dataset of a run into one folder (docs/formats.md, "Outputs").</summary>
public static class DatasetWriter
{
    /// <summary>The tables written by <see cref="Write"/>, each as .csv and .parquet.</summary>
    private static readonly string[] Tables =
        ["responses", "panel_wide", "aggregates", "aggregates_wide", "school_panel", "reliability", "item_statistics", "change", "aggregates_clustered", "icc", "invariance", "response_rates", "cleaning_log"];

    /// <summary>The files, relative to the folder, in the order they are written.</summary>
    public static readonly string[] Files =
    [
        "responses.csv", "panel_wide.csv", "aggregates.csv", "reliability.csv", "item_statistics.csv", "change.csv", "aggregates_clustered.csv", "icc.csv",
        "invariance.csv", "response_rates.csv", "cleaning_log.csv", "codebook.csv", "codebook.md", "load.R", "load.sps",
        "aggregates_wide.csv", "school_panel.csv", "load.do", .. Tables.Select(t => t + ".parquet"),
    ];

    /// <summary>The Parquet copies of the profile files, written by <see cref="WriteProfileParquet"/> once <see cref="ProfilesWriter"/> has written them.</summary>
    public static readonly string[] ProfileFiles = [.. ProfilesWriter.Files.Select(f => Path.ChangeExtension(f, ".parquet"))];

    /// <summary>
    /// Writes the datasets of <paramref name="outcome"/> into <paramref name="directory"/> (created if needed); the load
    /// scripts and the Parquet metadata label in <paramref name="language"/> ("nl" or "en").
    /// </summary>
    public static void Write(string directory, AnalysisOutcome outcome, string definitionHash, StepTimings timings, string language = "nl")
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(timings);
        Directory.CreateDirectory(directory);
        string P(string file) => Path.Combine(directory, file);
        var results = outcome.Results;
        var study = results.Study;
        var tables = DatasetTables.Of(study);
        DatasetTable Table(string name) => tables.Single(t => t.Name == name);
        // responses.parquet is written from the scored table alongside the CSVs.
        var responsesParquet = Task.Run(async () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await ResponsesParquet.WriteAsync(P("responses.parquet"), outcome.Scored, Table("responses"), language).ConfigureAwait(false);
            return clock.Elapsed;
        });
        // The Deedle shaping works on the aggregated results only: it runs alongside the CSVs too (its start-up, the
        // JIT of Deedle's F# code, then overlaps their writing).
        var shaping = Task.Run(() =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var wide = AggregatesWide.Build(results);
            var wideColumns = FrameColumns.Of(wide, Table("aggregates_wide"));
            FrameCsv.Write(P("aggregates_wide.csv"), wideColumns, Table("aggregates_wide"));
            var panel = SchoolPanel.Build(results);
            var panelColumns = FrameColumns.Of(panel, Table("school_panel"));
            FrameCsv.Write(P("school_panel.csv"), panelColumns, Table("school_panel"));
            // The Parquet copies from the same arrays: no reading of the CSVs back.
            ColumnsParquet.WriteAsync(P("aggregates_wide.parquet"), wideColumns, Table("aggregates_wide"), language).GetAwaiter().GetResult();
            ColumnsParquet.WriteAsync(P("school_panel.parquet"), panelColumns, Table("school_panel"), language).GetAwaiter().GetResult();
            return (clock.Elapsed, Wide: wide.RowCount, Panel: panel.RowCount);
        });
        timings.Measure("write responses", () => { ResponsesWriter.Write(P("responses.csv"), outcome.Scored); return outcome.Scored.Count; }, n => $"{n:N0} rows");
        timings.Measure("write panel", () => PanelWriter.Write(P("panel_wide.csv"), outcome.Scored),
            p => $"{p.Respondents:N0} linked respondents" + (p.Ambiguous > 0 ? $", {p.Ambiguous:N0} ambiguous codes left out" : ""));
        timings.Measure("write tables", () =>
        {
            // The two large tables are written on several threads each; the small ones alongside, on one.
            var large = Task.Run(() =>
            {
                ResultTablesWriter.Aggregates(P("aggregates.csv"), results);
                ResultTablesWriter.Change(P("change.csv"), results);
            });
            var small = Task.Run(() =>
            {
                ResultTablesWriter.Reliability(P("reliability.csv"), P("item_statistics.csv"), results);
                ResultTablesWriter.Clustered(P("aggregates_clustered.csv"), results);
                ResultTablesWriter.Icc(P("icc.csv"), results);
                InvarianceWriter.Write(P("invariance.csv"), results);
                ResultTablesWriter.ResponseRates(P("response_rates.csv"), results);
                ResultTablesWriter.CleaningLog(P("cleaning_log.csv"), outcome.Raw, outcome.Cleaning);
                Codebook.WriteCsv(P("codebook.csv"), tables);
                Codebook.WriteMarkdown(P("codebook.md"), study, definitionHash, tables);
                RScript.Write(P("load.R"), tables, language);
                SpssSyntax.Write(P("load.sps"), tables, language);
                StataDo.Write(P("load.do"), tables, language);
            });
            Task.WhenAll(large, small).GetAwaiter().GetResult();
            return results.Aggregates.Count;
        }, n => $"{n:N0} aggregates and the other tables, codebook, load scripts");
        timings.Measure("write parquet", () =>
        {
            Parallel.ForEach(Tables.Where(t => t is not ("responses" or "aggregates_wide" or "school_panel")), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                t => CsvParquet.WriteAsync(P(t + ".csv"), P(t + ".parquet"), Table(t), language).GetAwaiter().GetResult());
            return Tables.Length - 3;
        }, n => $"{n} tables as Parquet from their CSVs");
        var shapedElapsed = shaping.GetAwaiter().GetResult();
        timings.Record("shape (Deedle)", shapedElapsed.Elapsed,
            $"{shapedElapsed.Wide:N0} unit × scale rows of aggregates_wide, {shapedElapsed.Panel:N0} school × wave rows of school_panel, shaped and written (CSV and Parquet) alongside the other CSVs");
        var responsesElapsed = responsesParquet.GetAwaiter().GetResult();
        timings.Record("parquet responses", responsesElapsed, $"{outcome.Scored.Count:N0} rows of responses.parquet, written alongside the CSVs");
    }

    /// <summary>Writes the Parquet copies of the profile files (<see cref="ProfileFiles"/>) in <paramref name="directory"/>.</summary>
    public static void WriteProfileParquet(string directory, Core.Studies.Study study, string language = "nl")
    {
        var tables = DatasetTables.Of(study);
        foreach (var file in ProfilesWriter.Files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            CsvParquet.WriteAsync(Path.Combine(directory, file), Path.Combine(directory, name + ".parquet"), tables.Single(t => t.Name == name), language).GetAwaiter().GetResult();
        }
    }
}
