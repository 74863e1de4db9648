using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Monitoring.Analysis;
using Monitoring.Analysis.Cleaning;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Definitions;

namespace Monitoring.Batch;

/// <summary>
/// manifest.json: what a run read (input hashes, the study definition's hash), every setting and seed,
/// the software version, row counts, the outputs' hashes, and the timing of every step. Everything but
/// "timings" is the same for the same inputs, byte for byte.
/// </summary>
internal static class Manifest
{
    /// <summary>Writes manifest.json in <paramref name="outputDirectory"/>, which holds the <paramref name="outputs"/> (relative paths) it hashes.</summary>
    public static async Task WriteAsync(string outputDirectory, BatchOptions options, DefinitionResult definition, RawResponses raw, AnalysisOutcome outcome,
        Core.Results.ProfileResults profiles, IReadOnlyList<string> outputs, StepTimings timings, CancellationToken cancellationToken)
    {
        var study = definition.Study!;
        var a = study.Analysis;
        await using var stream = File.Create(Path.Combine(outputDirectory, "manifest.json"));
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("software", "monitoring");
        json.WriteString("version", typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
        json.WriteString("runtime", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
        json.WriteStartObject("study");
        json.WriteString("id", study.Id.Value);
        json.WriteString("definitionHash", definition.Hash);
        json.WriteStartArray("definitionFiles");
        foreach (var file in definition.Files) json.WriteStringValue(file);
        json.WriteEndArray();
        json.WriteStartArray("instruments");
        foreach (var i in study.Instruments)
        {
            json.WriteStartObject();
            json.WriteString("id", i.Id.Value);
            json.WriteString("version", i.Version);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("inputs");
        if (options.Store is not null || Directory.Exists(options.Responses))
        {
            json.WriteStartObject();
            json.WriteString("store", options.Store is null ? "file store" : options.StoreDescription);
            json.WriteNumber("submissions", raw.RowsRead);
            json.WriteString("sha256", SubmissionsHash(outcome));
            json.WriteEndObject();
        }
        else if (File.Exists(options.Responses))
        {
            json.WriteStartObject();
            json.WriteString("file", Path.GetFileName(options.Responses));
            json.WriteNumber("bytes", new FileInfo(options.Responses).Length);
            json.WriteString("sha256", await HashAsync(options.Responses, cancellationToken).ConfigureAwait(false));
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("settings");
        json.WriteNumber("privacyThreshold", a.PrivacyThreshold);
        json.WriteStartObject("privacy");
        json.WriteNumber("maxResponsesPerStaff", a.Privacy.MaxResponsesPerStaff);
        json.WriteNumber("extraResponses", a.Privacy.ExtraResponses);
        json.WriteEndObject();
        json.WriteNumber("confidenceLevel", a.ConfidenceLevel);
        json.WriteString("reliabilityMissing", a.ReliabilityMissing.ToString().ToLowerInvariant());
        json.WriteStartObject("cleaning");
        json.WriteBoolean("duplicates", a.Cleaning.Duplicates);
        json.WriteBoolean("outsideWindow", a.Cleaning.OutsideWindow);
        json.WriteBoolean("speeders", a.Cleaning.Speeders);
        json.WriteNumber("minSecondsPerItem", a.Cleaning.MinSecondsPerItem);
        json.WriteBoolean("straightLiners", a.Cleaning.StraightLiners);
        json.WriteNumber("straightLineMinItems", a.Cleaning.StraightLineMinItems);
        json.WriteBoolean("incomplete", a.Cleaning.Incomplete);
        json.WriteNumber("minAnsweredShare", a.Cleaning.MinAnsweredShare);
        json.WriteEndObject();
        json.WriteStartObject("profiles");
        json.WriteNumber("seed", a.Profiles.Seed);
        json.WriteNumber("minK", a.Profiles.MinK);
        json.WriteNumber("maxK", a.Profiles.MaxK);
        if ((options.ProfilesK ?? a.Profiles.ForcedK) is { } k) json.WriteNumber("k", k);
        else json.WriteNull("k");
        json.WriteNumber("restarts", a.Profiles.Restarts);
        json.WriteNumber("bootstrapResamples", a.Profiles.BootstrapResamples);
        json.WriteNumber("stabilityThreshold", a.Profiles.StabilityThreshold);
        json.WriteEndObject();
        json.WriteString("reportLanguage", options.Language);
        json.WriteStartArray("scaleMinimumAnswered");
        foreach (var s in study.Scales)
        {
            json.WriteStartObject();
            json.WriteString("scale", s.Id.Value);
            json.WriteNumber("share", s.MinAnsweredShare);
            json.WriteNumber("items", s.MinAnsweredItems);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("counts");
        json.WriteNumber("rowsRead", raw.RowsRead);
        json.WriteNumber("rowsWithProblems", raw.RowsExcluded);
        foreach (var rule in Enum.GetValues<CleaningRule>().Where(r => r != CleaningRule.Invalid))
            json.WriteNumber(Names.Of(rule), outcome.Cleaning.Exclusions.Count(e => e.Rule == rule));
        json.WriteNumber("kept", outcome.Scored.Count);
        json.WriteNumber("aggregates", outcome.Results.Aggregates.Count);
        json.WriteNumber("aggregatesSuppressed", outcome.Results.Aggregates.Count(x => x.Suppressed));
        json.WriteEndObject();

        json.WriteStartObject("profiles");
        json.WriteBoolean("computed", profiles.IsComputed);
        if (profiles.NotComputedReason is { } why) json.WriteString("notComputedReason", why);
        json.WriteNumber("k", profiles.K);
        json.WriteBoolean("kForced", profiles.KWasForced);
        json.WriteNumber("seed", profiles.Seed);
        json.WriteString("referenceWave", profiles.BaselineWave.Value);
        json.WriteStartArray("reference");
        foreach (var r in profiles.Reference)
        {
            json.WriteStartObject();
            json.WriteString("scale", r.Scale.Value);
            json.WriteNumber("mean", r.Mean);
            json.WriteNumber("sd", r.StandardDeviation);
            json.WriteNumber("schools", r.Schools);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("points", profiles.Sampling.Points);
        json.WriteNumber("fitPoints", profiles.Sampling.FitPoints);
        json.WriteNumber("silhouettePoints", profiles.Sampling.SilhouettePoints);
        json.WriteNumber("bootstrapPoints", profiles.Sampling.BootstrapPoints);
        json.WriteNumber("leftOut", profiles.LeftOut.Count);
        json.WriteEndObject();

        json.WriteStartArray("outputs");
        foreach (var file in outputs)
        {
            var full = Path.Combine(outputDirectory, file);
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteNumber("bytes", new FileInfo(full).Length);
            json.WriteString("sha256", await HashAsync(full, cancellationToken).ConfigureAwait(false));
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("timings");
        foreach (var (step, elapsed, summary) in timings.Steps)
        {
            json.WriteStartObject();
            json.WriteString("step", step);
            json.WriteNumber("seconds", Math.Round(elapsed.TotalSeconds, 3));
            json.WriteString("summary", summary);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A hash of what was read from a store: the kept and excluded submission ids in reading order.</summary>
    private static string SubmissionsHash(AnalysisOutcome outcome)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var table = outcome.Raw.Table;
        for (var r = 0; r < table.Count; r++) sha.AppendData(System.Text.Encoding.UTF8.GetBytes(table.ResponseId(r) + "\n"));
        foreach (var p in outcome.Raw.Problems) sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{p.Row}:{p.ResponseId}\n"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
