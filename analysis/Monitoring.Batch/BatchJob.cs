using System.Diagnostics;
using Monitoring.Analysis;
using Monitoring.Analysis.Datasets;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Definitions;

namespace Monitoring.Batch;

/// <summary>
/// The product's main job: read the study and the responses, clean, score, compute reliability,
/// aggregates, change and ICCs, write the datasets, and the manifest that makes the run reproducible.
/// </summary>
public static class BatchJob
{
    /// <summary>Runs the batch. Progress lines (one per step) go to <paramref name="progress"/> when given.</summary>
    public static async Task<BatchRunResult> RunAsync(BatchOptions options, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var total = Stopwatch.StartNew();
        var timings = new StepTimings(progress is null ? null : (step, elapsed, summary) =>
            progress.WriteLine($"{step,-16} {elapsed.TotalSeconds,7:F2} s  {summary}"));

        var definition = await timings.MeasureAsync("load study", () => StudyDefinitionLoader.LoadAsync(options.StudyDirectory, cancellationToken),
            d => d.IsValid ? $"'{d.Study.Id}': {d.Study.Schools.Count:N0} schools, {d.Study.Waves.Count} waves, {d.Study.Items.Count} items" : $"{d.Problems.Count} problem(s)").ConfigureAwait(false);
        if (!definition.IsValid) return new BatchRunResult(definition, null, []);
        var study = definition.Study;

        var raw = await timings.MeasureAsync("read", () => ReadAsync(study, options.Responses, cancellationToken),
            r => $"{r.RowsRead:N0} rows from {Path.GetFileName(r.Source)}, {r.RowsExcluded:N0} with problems" +
                 (r.Problems.Any(p => p.Row == 1) ? $"; header: {string.Join("; ", r.Problems.Where(p => p.Row == 1).Select(p => p.ToString()))}" : "")).ConfigureAwait(false);
        if (raw.RowsRead == 0) progress?.WriteLine("No responses: every output is written, with no rows and every aggregate suppressed.");
        var outcome = AnalysisPipeline.Run(raw, timings);
        foreach (var wave in study.Waves.Where(w => outcome.Results.ResponseRates.Where(r => r.Wave == w.Id).Sum(r => r.Responses) == 0))
            progress?.WriteLine($"Wave '{wave.Id}' has no kept responses; its statistics are empty and suppressed.");
        foreach (var r in outcome.Results.Reliability.Where(r => r.N == 0).GroupBy(r => r.Scale))
            progress?.WriteLine($"Scale '{r.Key}' has no answers in wave(s) {string.Join(", ", r.Select(x => x.Wave))}; its statistics there are empty.");

        var datasets = Path.Combine(options.OutputDirectory, "datasets");
        DatasetWriter.Write(datasets, outcome, definition.Hash!, timings);
        var files = DatasetWriter.Files.Select(f => $"datasets/{f}").ToList();

        timings.Record("total", total.Elapsed, $"peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):N0} MB");
        await Manifest.WriteAsync(Path.Combine(options.OutputDirectory, "manifest.json"), options, definition, raw, outcome, files, timings, cancellationToken).ConfigureAwait(false);
        files.Add("manifest.json");
        return new BatchRunResult(definition, outcome, files);
    }

    private static async Task<RawResponses> ReadAsync(Core.Studies.Study study, string responses, CancellationToken cancellationToken)
    {
        if (File.Exists(responses)) return await new RawResponseReader(study).ReadAsync(responses, cancellationToken).ConfigureAwait(false);
        throw new FileNotFoundException($"No response file at '{Path.GetFullPath(responses)}'.", responses);
    }
}
