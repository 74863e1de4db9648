namespace Monitoring.Analysis.Datasets;

/// <summary>Writes every dataset of a run into one folder (docs/formats.md, "Outputs").</summary>
public static class DatasetWriter
{
    /// <summary>The files, relative to the folder, in the order they are written.</summary>
    public static readonly string[] Files =
    [
        "responses.csv", "panel_wide.csv", "aggregates.csv", "reliability.csv", "item_statistics.csv", "change.csv", "icc.csv",
        "invariance.csv", "response_rates.csv", "cleaning_log.csv", "codebook.csv", "codebook.md", "load.R", "load.sps",
    ];

    /// <summary>Writes the datasets of <paramref name="outcome"/> into <paramref name="directory"/> (created if needed).</summary>
    public static void Write(string directory, AnalysisOutcome outcome, string definitionHash, StepTimings timings)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(timings);
        Directory.CreateDirectory(directory);
        string P(string file) => Path.Combine(directory, file);
        var results = outcome.Results;
        var study = results.Study;
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
                ResultTablesWriter.Icc(P("icc.csv"), results);
                InvarianceWriter.Write(P("invariance.csv"), results);
                ResultTablesWriter.ResponseRates(P("response_rates.csv"), results);
                ResultTablesWriter.CleaningLog(P("cleaning_log.csv"), outcome.Raw, outcome.Cleaning);
                Codebook.WriteCsv(P("codebook.csv"), study);
                Codebook.WriteMarkdown(P("codebook.md"), study, definitionHash);
                LoadScripts.WriteR(P("load.R"), study);
                LoadScripts.WriteSps(P("load.sps"), study);
            });
            Task.WhenAll(large, small).GetAwaiter().GetResult();
            return results.Aggregates.Count;
        }, n => $"{n:N0} aggregates and the other tables, codebook, load scripts");
    }
}
