using System.Diagnostics;
using Monitoring.Analysis;
using Monitoring.Analysis.Datasets;
using Monitoring.Analysis.Responses;
using Monitoring.Batch.Outputs;
using Monitoring.Core.Definitions;
using Monitoring.Profiles;
using Monitoring.Reports;
using Monitoring.Reports.Profiles;
using Monitoring.Storage.Files;

namespace Monitoring.Batch;

/// <summary>
/// The product's main job: read the study and the responses, clean, score, compute reliability,
/// aggregates, change and ICCs, school profiles, write the datasets and the reports, and the manifest that makes the run reproducible.
/// </summary>
public static class BatchJob
{
    /// <summary>How many of the problems that make the input unreadable, and of the rows' problems after them, a failed run shows.</summary>
    private const int ShownRowProblems = 20;

    /// <summary>
    /// Runs the batch. Progress lines (one per step) go to <paramref name="progress"/> when given. The outputs are written
    /// in a staging folder beside <see cref="BatchOptions.OutputDirectory"/> and replace it only when the run succeeds
    /// (<see cref="OutputFolder"/>); a run that stops (invalid definition, unreadable input, an output folder that cannot
    /// be written) leaves it as it was and says why in the result.
    /// </summary>
    public static async Task<BatchRunResult> RunAsync(BatchOptions options, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var total = Stopwatch.StartNew();
        var timings = new StepTimings(progress is null ? null : (step, elapsed, summary) =>
            progress.WriteLine($"{step,-16} {elapsed.TotalSeconds,7:F2} s  {summary}"));

        var definition = await timings.MeasureAsync("load study", () => StudyDefinitionLoader.LoadAsync(options.StudyDirectory, cancellationToken),
            d => d.IsValid ? $"'{d.Study.Id}': {d.Study.Schools.Count:N0} schools, {d.Study.Waves.Count} waves, {d.Study.Items.Count} items" : $"{d.Problems.Count} problem(s)").ConfigureAwait(false);
        if (!definition.IsValid) return new BatchRunResult(definition, null, []);

        OutputFolder folder;
        try
        {
            folder = OutputFolder.Prepare(options.OutputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return OutputFailure(definition, e);
        }
        try
        {
            var result = await RunAsync(folder.Staging, definition, options, progress, timings, total, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded) folder.Publish();
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return OutputFailure(definition, e);
        }
        finally
        {
            folder.Discard();
        }
    }

    private static BatchRunResult OutputFailure(DefinitionResult definition, Exception e) => new(definition, null, [])
    {
        Failure = BatchFailure.Output,
        OutputProblem = e is UnauthorizedAccessException ? $"Permission denied: {e.Message}" : e.Message,
    };

    private static async Task<BatchRunResult> RunAsync(string output, DefinitionResult definition, BatchOptions options, TextWriter? progress, StepTimings timings,
        Stopwatch total, CancellationToken cancellationToken)
    {
        var study = definition.Study!;
        RawResponses raw;
        try
        {
            raw = await timings.MeasureAsync("read", () => ReadAsync(study, options, cancellationToken),
                r => $"{r.RowsRead:N0} rows from {Path.GetFileName(r.Source)}, {r.RowsExcluded:N0} with problems" +
                     (r.Problems.Any(p => p.Row == 1) ? $"; header: {string.Join("; ", r.Problems.Where(p => p.Row == 1).Select(p => p.ToString()))}" : "")).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new BatchRunResult(definition, null, [])
            {
                Failure = BatchFailure.Input,
                InputSource = options.Store is null ? Path.GetFullPath(options.Responses) : options.StoreDescription,
                InputProblems = [new RowProblem(Monitoring.Core.Responses.ResponseProblemCodes.UnreadableInput, 0, null, null, e is UnauthorizedAccessException ? $"Permission denied: {e.Message}" : e.Message)],
                InputProblemCount = 1,
            };
        }
        if (!raw.IsReadable)
        {
            var rows = raw.Problems.Where(p => p.Row > 1).Take(ShownRowProblems);
            return new BatchRunResult(definition, null, [])
            {
                Failure = BatchFailure.Input,
                InputSource = raw.Source,
                InputProblems = [.. raw.Fatal.Take(ShownRowProblems), .. rows],
                InputProblemCount = raw.Fatal.Count + raw.Problems.Count(p => p.Row > 1),
            };
        }
        if (raw.RowsRead == 0) progress?.WriteLine("No responses: every output is written, with no rows and every aggregate suppressed.");
        var outcome = AnalysisPipeline.Run(raw, timings);
        if (outcome.Cleaning.SpeedNotJudged > 0)
            progress?.WriteLine($"{outcome.Cleaning.SpeedNotJudged:N0} response(s) with implausible device times (submitted before started, over 24 h, or over 24 h from the server's receive time): the speeder rule does not judge them.");
        foreach (var wave in study.Waves.Where(w => outcome.Results.ResponseRates.Where(r => r.Wave == w.Id).Sum(r => r.Responses) == 0))
            progress?.WriteLine($"Wave '{wave.Id}' has no kept responses; its statistics are empty and suppressed.");
        var threshold = study.Analysis.PrivacyThreshold;
        foreach (var wave in study.Waves)
        {
            var small = outcome.Results.ResponseRates.Where(r => r.Wave == wave.Id && r.Responses > 0 && r.Responses < threshold).ToList();
            if (small.Count > 0)
                progress?.WriteLine($"Wave '{wave.Id}': {small.Count} school(s) with fewer than {threshold} kept responses, suppressed for coordinators: " +
                                    string.Join(", ", small.Take(10).Select(r => $"{r.School} ({r.Responses})")) + (small.Count > 10 ? ", …" : "") + ".");
        }
        foreach (var wave in study.Waves)
        {
            var withheld = outcome.Results.ResponseRates.Where(r => r.Wave == wave.Id && r.Disclosure == Core.Privacy.Disclosure.Withheld).ToList();
            if (withheld.Count > 0)
                progress?.WriteLine($"Wave '{wave.Id}': {withheld.Count} school(s) with more submissions than staff allow, withheld from coordinators (researchers keep the scores): " +
                                    string.Join(", ", withheld.Take(10).Select(r => $"{r.School} ({r.Submissions} for {r.Staff} staff)")) + (withheld.Count > 10 ? ", …" : "") + ".");
        }
        foreach (var r in outcome.Results.Reliability.Where(r => r.N == 0).GroupBy(r => r.Scale))
            progress?.WriteLine($"Scale '{r.Key}' has no answers in wave(s) {string.Join(", ", r.Select(x => x.Wave))}; its statistics there are empty.");

        var profileSettings = options.ProfilesK is { } k ? study.Analysis.Profiles with { ForcedK = k } : study.Analysis.Profiles;
        var profiles = timings.Measure("profiles", () => SchoolProfiles.Compute(study, outcome.SchoolMeans, profileSettings, study.Analysis.PrivacyThreshold, outcome.Results.Intraclass),
            p => p.IsComputed ? $"k = {p.K} from {p.Profiles.Count:N0} school × wave points, {p.LeftOut.Count:N0} left out" : $"not computed: {p.NotComputedReason}");

        var datasets = Path.Combine(output, "datasets");
        DatasetWriter.Write(datasets, outcome, definition.Hash!, timings, options.Language);
        ProfilesWriter.Write(datasets, profiles);
        DatasetWriter.WriteProfileParquet(datasets, study, options.Language);
        var files = DatasetWriter.Files.Concat(ProfilesWriter.Files).Concat(DatasetWriter.ProfileFiles).Select(f => $"datasets/{f}").ToList();

        var reportDirectory = Path.Combine(output, "reports");
        var reports = timings.Measure("reports",
            () => ReportRenderer.RenderAll(new ReportInput(outcome.Results, ReportProfiles.From(profiles)), reportDirectory,
                new ReportOptions { Language = options.Language }, cancellationToken),
            r => $"{r.Count:N0} pages ({options.Language}) in {Path.GetFileName(reportDirectory)}/");
        var relative = reports.Select(r => "reports/" + Path.GetFileName(r)).ToList();
        files.AddRange(relative);
        var networkReports = study.Networks.ToDictionary(n => n.Id, n => "reports/" + ReportRenderer.NetworkFileName(n.Id));

        timings.Record("total", total.Elapsed, $"peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):N0} MB");
        await Manifest.WriteAsync(output, options, definition, raw, outcome, profiles, files, timings, cancellationToken).ConfigureAwait(false);
        files.Add("manifest.json");
        return new BatchRunResult(definition, outcome, files) { Profiles = profiles, NetworkReports = networkReports, Outputs = BatchOutputs.Of(files, networkReports) };
    }

    private static async Task<RawResponses> ReadAsync(Core.Studies.Study study, BatchOptions options, CancellationToken cancellationToken)
    {
        if (options.Store is { } store)
            return await new SubmissionReader(study).ReadAsync(store, options.StoreDescription, cancellationToken).ConfigureAwait(false);
        var responses = options.Responses;
        if (File.Exists(responses)) return await new RawResponseReader(study).ReadAsync(responses, cancellationToken).ConfigureAwait(false);
        if (Directory.Exists(responses))
        {
            var full = Path.GetFullPath(responses).TrimEnd(Path.DirectorySeparatorChar);
            var dataPath = Directory.Exists(Path.Combine(full, "submissions")) ? full
                : Path.GetFileName(full) == "submissions" ? Path.GetDirectoryName(full)! : null;
            if (dataPath is null)
                throw new DirectoryNotFoundException($"'{full}' is neither a response CSV file nor a folder of stored submissions (a data folder with submissions/ in it, or that submissions/ folder).");
            var files = new FileSubmissionStore(new FileStoreOptions { DataPath = dataPath });
            return await new SubmissionReader(study).ReadAsync(files, Path.Combine(dataPath, "submissions"), cancellationToken).ConfigureAwait(false);
        }
        throw new FileNotFoundException($"No responses at '{Path.GetFullPath(responses)}'.", responses);
    }
}
