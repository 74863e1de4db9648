using System.Globalization;
using CsvHelper;
using Monitoring.Analysis;
using Monitoring.Analysis.Responses;
using Monitoring.Analysis.Synthetic;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;

namespace Monitoring.Profiles.Tests.Support;

/// <summary>
/// Profiles as the batch computes them: raw responses read and analysed by the pipeline (cleaning, scores, school
/// means, ICC), then <see cref="SchoolProfiles.Compute"/> with the study's settings and reliability-adjusted means;
/// with the planted profile of each school-wave when there is one.
/// </summary>
internal sealed record BatchProfiles(Study Study, ProfileResults Results, IReadOnlyDictionary<(SchoolId School, WaveId Wave), int> Planted,
    IReadOnlyList<SchoolMean> Means, IReadOnlyList<IntraclassResult> Intraclass)
{
    /// <summary>The sample study's data-samples/responses.csv and its planted profiles.</summary>
    public static async Task<BatchProfiles> SampleAsync(int? forcedK = null)
    {
        var study = await SampleStudy.GetAsync();
        var folder = Path.Combine(SampleStudy.RepositoryRoot(), "data-samples");
        await using var raw = File.OpenRead(Path.Combine(folder, "responses.csv"));
        return await RunAsync(study, raw, await File.ReadAllBytesAsync(Path.Combine(folder, "responses.planted-profiles.csv")), forcedK);
    }

    /// <summary>Generated responses (the study scaled to their number), with or without planted profiles.</summary>
    public static async Task<BatchProfiles> GeneratedAsync(int responses, int seed, bool plantProfiles)
    {
        var generator = ResponseGenerator.ForSize(await SampleStudy.GetAsync(), new GeneratorOptions { Responses = responses, Seed = seed, PlantProfiles = plantProfiles });
        using var raw = new MemoryStream();
        await generator.WriteAsync(raw);
        raw.Position = 0;
        using var planted = new MemoryStream();
        await generator.WritePlantedProfilesAsync(planted);
        return await RunAsync(generator.Study, raw, planted.ToArray());
    }

    /// <summary>The adjusted Rand index between the reported and the planted profiles of the school-waves that took part.</summary>
    public double AdjustedRand()
    {
        var recovered = Results.Profiles.Select(p => p.Profile - 1).ToArray();
        var truth = Results.Profiles.Select(p => Planted[(p.School, p.Wave)] - 1).ToArray();
        return new Monitoring.Profiles.Clustering.PartitionAgreement(truth, truth.Max() + 1, recovered, recovered.Max() + 1).AdjustedRandIndex();
    }

    private static async Task<BatchProfiles> RunAsync(Study study, Stream raw, byte[] planted, int? forcedK = null)
    {
        var read = await new RawResponseReader(study).ReadAsync(raw, "responses.csv");
        var outcome = AnalysisPipeline.Run(read, new StepTimings());
        var results = SchoolProfiles.Compute(study, outcome.SchoolMeans, study.Analysis.Profiles with { ForcedK = forcedK ?? study.Analysis.Profiles.ForcedK },
            study.Analysis.PrivacyThreshold, outcome.Results.Intraclass);
        return new BatchProfiles(study, results, ReadPlanted(planted), outcome.SchoolMeans, outcome.Results.Intraclass);
    }

    private static Dictionary<(SchoolId, WaveId), int> ReadPlanted(byte[] csvBytes)
    {
        using var csv = CsvReader.Create(csvBytes, CsvReaderOptions.Default);
        var column = csv.Headers.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        var planted = new Dictionary<(SchoolId, WaveId), int>();
        while (csv.Read())
            planted[(new SchoolId(csv.GetString(column["school"])), new WaveId(csv.GetString(column["wave"])))] =
                int.Parse(csv.GetString(column["profile"]), CultureInfo.InvariantCulture);
        return planted;
    }
}
